package org.opendsr.kit.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes the bank holidays from GOV.UK and stores them for every replica of the service (each service with the
 * kit keeps its own copy, in its own database). A failed fetch or a publication that does not look right changes
 * nothing: the last good dates stay in use.
 */
@Singleton
public class RefreshingBankHolidays {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshingBankHolidays.class);

    private final BankHolidaySource source;
    private final BankHolidayPublications publications;
    private final WorkingDayCalendars workingDays;
    private final BankHolidaySettings settings;
    private final Clock clock;

    public RefreshingBankHolidays(BankHolidaySource source, BankHolidayPublications publications,
                                  WorkingDayCalendars workingDays, BankHolidaySettings settings, Clock clock) {
        this.source = source;
        this.publications = publications;
        this.workingDays = workingDays;
        this.settings = settings;
        this.clock = clock;
    }

    /** True when a new copy was stored and taken into use. */
    public boolean refresh() {
        Optional<String> englandAndWales = source.englandAndWales();
        if (englandAndWales.isEmpty()) {
            return false;
        }
        // To the microsecond PostgreSQL keeps, so the stored version and this replica's agree exactly.
        publications.store(englandAndWales.get(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        workingDays.reload();
        LOG.info("Bank holidays refreshed; published years now {}",
                workingDays.current().bankHolidays().publishedYears());
        return true;
    }

    /**
     * The scheduled refresh: skipped when another replica stored a copy within half the refresh interval, so that
     * a service with many replicas asks GOV.UK about once per interval, not once per replica.
     */
    public boolean refreshIfDue() {
        Optional<Instant> stored = publications.latestFetchedAt();
        if (stored.isPresent() && stored.get().plus(settings.getRefreshEvery().dividedBy(2)).isAfter(clock.instant())) {
            workingDays.reload();
            return false;
        }
        return refresh();
    }
}
