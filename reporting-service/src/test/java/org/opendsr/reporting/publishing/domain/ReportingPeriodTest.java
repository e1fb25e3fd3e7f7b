package org.opendsr.reporting.publishing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.reporting.publishing.domain.ReportingPeriod.Kind;

/**
 * A report covers a whole calendar month, a calendar quarter or an NHS financial year (April to March), in England,
 * and nothing else: overlapping windows could be differenced to take a small, suppressed number out of its cell.
 */
class ReportingPeriodTest {

    @Test
    void aMonthIsWrittenYearDashMonth() {
        ReportingPeriod november = ReportingPeriod.parse("2026-11");

        assertThat(november.kind()).isEqualTo(Kind.MONTH);
        assertThat(november.months()).containsExactly(YearMonth.of(2026, 11));
        assertThat(november.label()).isEqualTo("2026-11");
    }

    @ParameterizedTest(name = "{0} is {1} to {2}")
    @CsvSource({"2026-Q1, 2026-01, 2026-03", "2026-Q2, 2026-04, 2026-06", "2026-Q3, 2026-07, 2026-09",
            "2026-Q4, 2026-10, 2026-12"})
    void aCalendarQuarterIsWrittenYearDashQ(String text, YearMonth first, YearMonth last) {
        ReportingPeriod quarter = ReportingPeriod.parse(text);

        assertThat(quarter.kind()).isEqualTo(Kind.QUARTER);
        assertThat(quarter.firstMonth()).isEqualTo(first);
        assertThat(quarter.lastMonth()).isEqualTo(last);
        assertThat(quarter.months()).hasSize(3);
        assertThat(quarter.label()).isEqualTo(text);
        assertThat(ReportingPeriod.quarterOf(first.plusMonths(1))).isEqualTo(quarter);
    }

    @Test
    void aFinancialYearRunsFromAprilToMarch() {
        ReportingPeriod year = ReportingPeriod.parse("FY2026-27");

        assertThat(year.kind()).isEqualTo(Kind.FINANCIAL_YEAR);
        assertThat(year.firstMonth()).isEqualTo(YearMonth.of(2026, 4));
        assertThat(year.lastMonth()).isEqualTo(YearMonth.of(2027, 3));
        assertThat(year.months()).hasSize(12);
        assertThat(year.label()).isEqualTo("FY2026-27");
        assertThat(ReportingPeriod.financialYearOf(YearMonth.of(2027, 3))).isEqualTo(year);
        assertThat(ReportingPeriod.financialYearOf(YearMonth.of(2027, 4)).label()).isEqualTo("FY2027-28");
        assertThat(ReportingPeriod.parse("FY2099-00").lastMonth()).isEqualTo(YearMonth.of(2100, 3));
    }

    @ParameterizedTest(name = "\"{0}\" is refused naming period")
    @ValueSource(strings = {"", " ", "2026-13", "2026-00", "2026-1", "26-11", "2026/11", "2026-11-01", "2026-Q0",
            "2026-Q5", "2026-q4", "Q4-2026", "FY2026-28", "FY2026-2027", "FY26-27", "fy2026-27", "2026-11..2026-12",
            "2026-01_2026-02", "1999-12", "3000-01", "2026-11 ", "<script>"})
    void anythingElseIsRefusedNamingPeriod(String text) {
        assertThatThrownBy(() -> ReportingPeriod.parse(text)).isInstanceOfSatisfying(RuleBroken.class, refused -> {
            assertThat(refused.kind()).isEqualTo(RuleBroken.Kind.INVALID_REQUEST);
            assertThat(refused.field()).isEqualTo("period");
            // The caller's text is never quoted back.
            assertThat(refused.getMessage()).doesNotContain("<", "..", "_", "/");
        });
    }

    @Test
    void aPeriodIsNeverBuiltFromAnyOtherWindow() {
        assertThatThrownBy(() -> new ReportingPeriod(Kind.MONTH, YearMonth.of(2026, 5), YearMonth.of(2026, 6)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReportingPeriod(Kind.QUARTER, YearMonth.of(2026, 2), YearMonth.of(2026, 4)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReportingPeriod(Kind.FINANCIAL_YEAR, YearMonth.of(2026, 1),
                YearMonth.of(2026, 12))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEventAt2330UtcOn31MarchDuringSummerTimeBelongsToApril() {
        // BST began on 29 March 2026: 23:30 UTC on 31 March is 00:30 on 1 April in England.
        assertThat(ReportingPeriod.monthOf(Instant.parse("2026-03-31T23:30:00Z"))).isEqualTo(YearMonth.of(2026, 4));
        assertThat(ReportingPeriod.monthOf(Instant.parse("2026-03-31T22:59:59Z"))).isEqualTo(YearMonth.of(2026, 3));
    }

    @ParameterizedTest(name = "{0} belongs to {1}")
    @CsvSource({
            // Winter (GMT): England's months end at midnight UTC.
            "2026-01-31T23:59:59Z, 2026-01",
            "2026-02-01T00:00:00Z, 2026-02",
            "2026-12-31T23:59:59Z, 2026-12",
            "2027-01-01T00:00:00Z, 2027-01",
            // BST ended on 25 October 2026, so the end of October is GMT again.
            "2026-10-31T23:30:00Z, 2026-10",
            "2026-11-01T00:00:00Z, 2026-11"})
    void inWinterAMonthEndsAtMidnightUtc(Instant instant, YearMonth month) {
        assertThat(ReportingPeriod.monthOf(instant)).isEqualTo(month);
    }
}
