package org.opendsr.referral.calendar.application;

import java.time.Clock;
import java.util.Optional;

import jakarta.inject.Singleton;
import org.opendsr.referral.shared.application.Now;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes the bank holidays from GOV.UK and stores them for every replica. A failed fetch or a publication that
 * does not look right changes nothing: the last good dates stay in use.
 */
@Singleton
public class RefreshingBankHolidays {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshingBankHolidays.class);

    private final BankHolidaySource source;
    private final BankHolidayPublications publications;
    private final WorkingDayCalendars workingDays;
    private final Clock clock;

    public RefreshingBankHolidays(BankHolidaySource source, BankHolidayPublications publications,
                                  WorkingDayCalendars workingDays, Clock clock) {
        this.source = source;
        this.publications = publications;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    /** True when a new copy was stored and taken into use. */
    public boolean refresh() {
        Optional<String> englandAndWales = source.englandAndWales();
        if (englandAndWales.isEmpty()) {
            return false;
        }
        publications.store(englandAndWales.get(), Now.of(clock));
        workingDays.reload();
        LOG.info("Bank holidays refreshed; published years now {}",
                workingDays.current().bankHolidays().publishedYears());
        return true;
    }
}
