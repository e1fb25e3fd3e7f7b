package org.opendsr.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DSR reports are monthly with a month-end cut in England: an event belongs to the month of its time in
 * Europe/London, which is UTC+1 during British Summer Time.
 */
class ReportingPeriodTest {

    @Test
    void anEventAt2330UtcOn31MarchDuringSummerTimeBelongsToApril() {
        // BST began on 29 March 2026: 23:30 UTC on 31 March is 00:30 on 1 April in England.
        assertThat(ReportingPeriod.monthOf(Instant.parse("2026-03-31T23:30:00Z"))).isEqualTo(YearMonth.of(2026, 4));
        assertThat(ReportingPeriod.monthOf(Instant.parse("2026-03-31T22:59:59Z"))).isEqualTo(YearMonth.of(2026, 3));
    }

    @Test
    void anEventAt2330UtcOn30SeptemberBelongsToOctober() {
        assertThat(ReportingPeriod.monthOf(Instant.parse("2026-09-30T23:30:00Z"))).isEqualTo(YearMonth.of(2026, 10));
    }

    @ParameterizedTest(name = "{0} belongs to {1}")
    @CsvSource({
            // Winter (GMT): England's months end at midnight UTC.
            "2026-01-31T23:59:59Z, 2026-01",
            "2026-02-01T00:00:00Z, 2026-02",
            "2026-02-28T23:30:00Z, 2026-02",
            "2026-03-01T00:00:00Z, 2026-03",
            "2026-12-31T23:59:59Z, 2026-12",
            "2027-01-01T00:00:00Z, 2027-01",
            // BST ended on 25 October 2026, so the end of October is GMT again.
            "2026-10-31T23:30:00Z, 2026-10",
            "2026-11-01T00:00:00Z, 2026-11"})
    void inWinterAMonthEndsAtMidnightUtc(Instant instant, YearMonth month) {
        assertThat(ReportingPeriod.monthOf(instant)).isEqualTo(month);
    }

    @Test
    void aPeriodCountsItsMonthsInclusively() {
        assertThat(new ReportingPeriod(YearMonth.of(2026, 4), YearMonth.of(2026, 4)).months()).isEqualTo(1);
        assertThat(new ReportingPeriod(YearMonth.of(2026, 4), YearMonth.of(2027, 3)).months()).isEqualTo(12);
        assertThat(new ReportingPeriod(YearMonth.of(2021, 1), YearMonth.of(2025, 12)).months())
                .isEqualTo(ReportingPeriod.LONGEST_IN_MONTHS);
    }

    @Test
    void aPeriodCannotEndBeforeItStarts() {
        assertThatThrownBy(() -> new ReportingPeriod(YearMonth.of(2026, 5), YearMonth.of(2026, 4)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
