package org.opendsr.referral.calendar.adapters.scheduling;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.opendsr.referral.calendar.application.BankHolidaySettings;
import org.opendsr.referral.calendar.application.RefreshingBankHolidays;

/**
 * Refreshes the bank holidays shortly after start and then daily, where the deployment enables it. Every replica
 * may do it: storing the same list twice is harmless.
 */
@Singleton
public class BankHolidayRefreshSchedule {

    private final BankHolidaySettings settings;
    private final RefreshingBankHolidays refreshing;

    public BankHolidayRefreshSchedule(BankHolidaySettings settings, RefreshingBankHolidays refreshing) {
        this.settings = settings;
        this.refreshing = refreshing;
    }

    @Scheduled(initialDelay = "${dsr.referral.bank-holidays.first-refresh-after:1m}",
            fixedDelay = "${dsr.referral.bank-holidays.refresh-every:24h}")
    void refresh() {
        if (settings.isRefreshEnabled()) {
            refreshing.refresh();
        }
    }
}
