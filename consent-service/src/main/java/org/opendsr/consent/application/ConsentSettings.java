package org.opendsr.consent.application;

import io.micronaut.context.annotation.ConfigurationProperties;
import org.opendsr.consent.domain.ConsentRenewalPolicy;

/**
 * {@code dsr.consent.*}: the renewal window, grace period and reminder interval, where an ICB's DSR policy
 * differs from the defaults (30 days, 28 days, 7 days), e.g. {@code DSR_CONSENT_GRACE_PERIOD_DAYS=28}.
 */
@ConfigurationProperties("dsr.consent")
public class ConsentSettings {

    private int renewalWindowDays = ConsentRenewalPolicy.DEFAULT_RENEWAL_WINDOW_DAYS;
    private int gracePeriodDays = ConsentRenewalPolicy.DEFAULT_GRACE_PERIOD_DAYS;
    private int reminderIntervalDays = ConsentRenewalPolicy.DEFAULT_REMINDER_INTERVAL_DAYS;

    public ConsentRenewalPolicy policy() {
        return new ConsentRenewalPolicy(renewalWindowDays, gracePeriodDays, reminderIntervalDays);
    }

    public int getRenewalWindowDays() {
        return renewalWindowDays;
    }

    public void setRenewalWindowDays(int renewalWindowDays) {
        this.renewalWindowDays = renewalWindowDays;
    }

    public int getGracePeriodDays() {
        return gracePeriodDays;
    }

    public void setGracePeriodDays(int gracePeriodDays) {
        this.gracePeriodDays = gracePeriodDays;
    }

    public int getReminderIntervalDays() {
        return reminderIntervalDays;
    }

    public void setReminderIntervalDays(int reminderIntervalDays) {
        this.reminderIntervalDays = reminderIntervalDays;
    }
}
