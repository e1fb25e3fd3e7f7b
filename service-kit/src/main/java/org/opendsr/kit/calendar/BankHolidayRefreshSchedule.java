package org.opendsr.kit.calendar;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.opendsr.kit.observability.SafeThrowables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes the bank holidays shortly after start and then every {@code dsr.bank-holidays.refresh-every}, where the
 * deployment enables it ({@code DSR_BANK_HOLIDAYS_REFRESH_ENABLED=true}). Every service with the kit has this
 * schedule, and every replica may run it: each service stores into its own database, storing the same list twice
 * is harmless, a copy another replica stored recently is taken up instead of fetched again, and a failure (GOV.UK
 * or the database unreachable) is logged and retried at the next turn, never thrown into the scheduler.
 */
@Singleton
public class BankHolidayRefreshSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshingBankHolidays.class);

    private final BankHolidaySettings settings;
    private final RefreshingBankHolidays refreshing;

    public BankHolidayRefreshSchedule(BankHolidaySettings settings, RefreshingBankHolidays refreshing) {
        this.settings = settings;
        this.refreshing = refreshing;
    }

    @Scheduled(initialDelay = "${dsr.bank-holidays.first-refresh-after:1m}",
            fixedDelay = "${dsr.bank-holidays.refresh-every:24h}")
    void refresh() {
        if (!settings.isRefreshEnabled()) {
            return;
        }
        try {
            refreshing.refreshIfDue();
        } catch (RuntimeException e) {
            LOG.warn("Could not refresh the bank holidays; the dates last stored stay in use: {}",
                    SafeThrowables.summary(e));
        }
    }
}
