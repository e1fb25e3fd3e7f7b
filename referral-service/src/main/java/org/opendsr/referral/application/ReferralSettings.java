package org.opendsr.referral.application;

import java.util.List;

import io.micronaut.context.annotation.ConfigurationProperties;

/** {@code dsr.referral.*}: what varies between ICBs and between production and test runs. */
@ConfigurationProperties("dsr.referral")
public class ReferralSettings {

    private List<String> localities = List.of();
    private boolean acceptTestNhsNumbers;

    public List<String> getLocalities() {
        return localities;
    }

    public void setLocalities(List<String> localities) {
        this.localities = List.copyOf(localities);
    }

    public boolean isAcceptTestNhsNumbers() {
        return acceptTestNhsNumbers;
    }

    public void setAcceptTestNhsNumbers(boolean acceptTestNhsNumbers) {
        this.acceptTestNhsNumbers = acceptTestNhsNumbers;
    }
}
