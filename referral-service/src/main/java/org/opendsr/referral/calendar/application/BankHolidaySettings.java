package org.opendsr.referral.calendar.application;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * {@code dsr.referral.bank-holidays.*}: where the published England and Wales bank holidays come from. The dates
 * GOV.UK published when this service was built are shipped with it; production also refreshes them from GOV.UK
 * (announced one-off days cannot be computed), off by default so tests and local runs never call out.
 */
@ConfigurationProperties("dsr.referral.bank-holidays")
public class BankHolidaySettings {

    private boolean refreshEnabled;
    private String url = "https://www.gov.uk/bank-holidays.json";
    private Duration timeout = Duration.ofSeconds(10);
    private Duration recheckInterval = Duration.ofMinutes(5);

    /** Whether this deployment fetches the list from {@link #getUrl()} (daily, and shortly after starting). */
    public boolean isRefreshEnabled() {
        return refreshEnabled;
    }

    public void setRefreshEnabled(boolean refreshEnabled) {
        this.refreshEnabled = refreshEnabled;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    /** How often a replica looks for a copy another replica stored. */
    public Duration getRecheckInterval() {
        return recheckInterval;
    }

    public void setRecheckInterval(Duration recheckInterval) {
        this.recheckInterval = recheckInterval;
    }
}
