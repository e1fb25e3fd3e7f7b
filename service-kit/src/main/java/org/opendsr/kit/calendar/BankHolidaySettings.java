package org.opendsr.kit.calendar;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * {@code dsr.bank-holidays.*} (environment {@code DSR_BANK_HOLIDAYS_*}): where the published England and Wales bank
 * holidays come from, the same for every service with the kit. The dates GOV.UK published when the kit was built
 * are shipped with it; a deployment may also refresh them from GOV.UK (announced one-off days cannot be computed),
 * off by default so tests and local runs never call out. Defaults in {@code dsr-service-kit-defaults.yml}.
 */
@ConfigurationProperties("dsr.bank-holidays")
public class BankHolidaySettings {

    private boolean refreshEnabled;
    private String url = "https://www.gov.uk/bank-holidays.json";
    private Duration timeout = Duration.ofSeconds(10);
    private Duration recheckInterval = Duration.ofMinutes(5);
    private Duration refreshEvery = Duration.ofHours(24);

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

    /** How often the list is refreshed; a replica skips its turn when another stored a copy within half of it. */
    public Duration getRefreshEvery() {
        return refreshEvery;
    }

    public void setRefreshEvery(Duration refreshEvery) {
        this.refreshEvery = refreshEvery;
    }
}
