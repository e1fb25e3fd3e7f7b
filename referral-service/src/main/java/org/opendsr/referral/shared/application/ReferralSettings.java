package org.opendsr.referral.shared.application;

import java.util.List;

import io.micronaut.context.annotation.ConfigurationProperties;

/** {@code dsr.referral.*}: what varies between ICBs and between production and test runs. */
@ConfigurationProperties("dsr.referral")
public class ReferralSettings {

    /** The locality of someone who lives outside the ICB (agency address changes and moves may say so). */
    public static final String OUT_OF_AREA = "OUT_OF_AREA";

    private List<String> localities = List.of();
    private boolean acceptTestNhsNumbers;
    private int firstContactWorkingDays = 5;

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

    /** Working days the DSR team has to make first contact with a new referral (DSR policy: 5). */
    public int getFirstContactWorkingDays() {
        return firstContactWorkingDays;
    }

    public void setFirstContactWorkingDays(int firstContactWorkingDays) {
        if (firstContactWorkingDays < 1 || firstContactWorkingDays > 30) {
            throw new IllegalArgumentException("dsr.referral.first-contact-working-days must be 1 to 30");
        }
        this.firstContactWorkingDays = firstContactWorkingDays;
    }
}
