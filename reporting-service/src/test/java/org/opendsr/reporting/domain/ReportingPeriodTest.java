package org.opendsr.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.opendsr.kit.rules.RuleBroken;
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
    void aReportCoversOneWholeCalendarMonth() {
        ReportingPeriod april = ReportingPeriod.asked(YearMonth.of(2026, 4), YearMonth.of(2026, 4));

        assertThat(april).isEqualTo(ReportingPeriod.month(YearMonth.of(2026, 4)));
        assertThat(april.months()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} to {1} is a calendar quarter")
    @CsvSource({"2026-01, 2026-03", "2026-04, 2026-06", "2026-07, 2026-09", "2026-10, 2026-12"})
    void orOneCalendarQuarter(YearMonth from, YearMonth to) {
        ReportingPeriod quarter = ReportingPeriod.asked(from, to);

        assertThat(quarter.isQuarter()).isTrue();
        assertThat(quarter.months()).isEqualTo(3);
        assertThat(ReportingPeriod.quarterOf(from.plusMonths(1))).isEqualTo(quarter);
    }

    @ParameterizedTest(name = "{0} to {1} is refused naming {2}")
    @CsvSource({
            // Windows that overlap others could be differenced to take a suppressed number out of its cell.
            "2026-01, 2026-02, to",
            "2026-04, 2027-03, to",
            "2021-01, 2025-12, to",
            "2026-02, 2026-04, from",
            "2026-12, 2027-02, from",
            "2026-05, 2026-04, from"})
    void anyOtherWindowIsRefusedNamingTheFieldToChange(YearMonth from, YearMonth to, String field) {
        assertThatThrownBy(() -> ReportingPeriod.asked(from, to)).isInstanceOfSatisfying(RuleBroken.class,
                refused -> assertThat(refused.field()).isEqualTo(field));
    }

    @Test
    void aPeriodIsNeverBuiltFromAnyOtherWindow() {
        assertThatThrownBy(() -> new ReportingPeriod(YearMonth.of(2026, 5), YearMonth.of(2026, 4)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReportingPeriod(YearMonth.of(2026, 1), YearMonth.of(2026, 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
