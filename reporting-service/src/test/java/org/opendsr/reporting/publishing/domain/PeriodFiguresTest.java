package org.opendsr.reporting.publishing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opendsr.reporting.measures.domain.Dimension;
import org.opendsr.reporting.measures.domain.Measure;
import org.opendsr.reporting.measures.domain.MonthCells;
import org.opendsr.reporting.measures.domain.RawCell;
import org.opendsr.reporting.measures.domain.Restatement;
import org.opendsr.reporting.publishing.domain.PeriodFigures.Figure;

/**
 * A quarter or a financial year adds up its months as each figure's timing says: what happened in the months is
 * summed (numerators and denominators each; days counted and summed, the longest the longest); who stood on the
 * register at month end is the last month that has figures. Then the period's sums go through disclosure control,
 * never the months' published figures.
 */
class PeriodFiguresTest {

    static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    static final YearMonth DECEMBER = YearMonth.of(2026, 12);
    static final ReportingPeriod Q4 = ReportingPeriod.parse("2026-Q4");

    @Test
    void whatHappenedInTheMonthsIsTheSumOfTheMonths() {
        PeriodFigures quarter = PeriodFigures.of(Q4, List.of(
                cut(OCTOBER, received("SWINDON", 3)), cut(NOVEMBER, received("SWINDON", 3)),
                cut(DECEMBER, received("SWINDON", 3))));

        assertThat(quarter.figure(Measure.REFERRALS_RECEIVED, Measure.ALL, Dimension.LOCALITY, "SWINDON").count())
                .isEqualTo(9);
        // Each month alone would be "*"; the quarter's 9 is published as 10, from the sum, not from the months' "*".
        PublishedMeasure published = publication().publish(quarter, EnumSet.of(Measure.REFERRALS_RECEIVED))
                .measure(Measure.REFERRALS_RECEIVED).orElseThrow();
        assertThat(published.cell(Measure.ALL, Dimension.LOCALITY, "SWINDON").value()).isEqualTo("10");
    }

    @Test
    void whoStoodAtMonthEndIsTheLastMonthWithFigures() {
        PeriodFigures quarter = PeriodFigures.of(Q4, List.of(
                cut(OCTOBER, red(40)), cut(NOVEMBER, red(42)), open(DECEMBER, red(13))));

        assertThat(quarter.figure(Measure.REGISTER_BY_RATING, "RED", Dimension.TOTAL, Dimension.ALL).count())
                .isEqualTo(13);
        // A quarter whose last month has not begun: the last month that has figures.
        PeriodFigures soFar = PeriodFigures.of(Q4, List.of(cut(OCTOBER, red(40)), open(NOVEMBER, red(42))));
        assertThat(soFar.figure(Measure.REGISTER_BY_RATING, "RED", Dimension.TOTAL, Dimension.ALL).count())
                .isEqualTo(42);
    }

    @Test
    void consentIsAStockWhenActiveOrOverdueAndAFlowWhenLapsedOrWithdrawn() {
        PeriodFigures quarter = PeriodFigures.of(Q4, List.of(
                cut(OCTOBER, consent("ACTIVE", 30), consent("LAPSED", 2)),
                cut(NOVEMBER, consent("ACTIVE", 31), consent("LAPSED", 3)),
                cut(DECEMBER, consent("ACTIVE", 33), consent("LAPSED", 4))));

        assertThat(quarter.figure(Measure.CONSENT_STATUS, "ACTIVE", Dimension.TOTAL, Dimension.ALL).count())
                .isEqualTo(33);
        assertThat(quarter.figure(Measure.CONSENT_STATUS, "LAPSED", Dimension.TOTAL, Dimension.ALL).count())
                .isEqualTo(9);
    }

    @Test
    void aPercentageSumsNumeratorsAndDenominators() {
        PeriodFigures quarter = PeriodFigures.of(Q4, List.of(
                cut(OCTOBER, firstContact(3, 4)), cut(NOVEMBER, firstContact(4, 5)), cut(DECEMBER, firstContact(5, 6))));

        Figure total = quarter.figure(Measure.FIRST_CONTACT_ON_TIME, Measure.ALL, Dimension.TOTAL, Dimension.ALL);
        assertThat(total.count()).isEqualTo(12);
        assertThat(total.denominator()).isEqualTo(15);
        PublishedCell published = publication().publish(quarter, EnumSet.of(Measure.FIRST_CONTACT_ON_TIME))
                .measure(Measure.FIRST_CONTACT_ON_TIME).orElseThrow().cell(Measure.ALL, Dimension.TOTAL, Dimension.ALL);
        assertThat(published.numerator()).isEqualTo("10");
        assertThat(published.denominator()).isEqualTo("15");
        assertThat(published.value()).isEqualTo("66.7");
    }

    @Test
    void daysSumTheirCountsAndDaysAndKeepTheLongest() {
        PeriodFigures quarter = PeriodFigures.of(Q4, List.of(
                cut(OCTOBER, decisions(3, 30, 20)), cut(NOVEMBER, decisions(3, 12, 5)), cut(DECEMBER, decisions(4, 58, 41))));

        assertThat(quarter.figure(Measure.TIME_TO_DECISION, "ACCEPTED", Dimension.TOTAL, Dimension.ALL))
                .isEqualTo(new Figure(10, 0, 100, 41));
        PublishedCell published = publication().publish(quarter, EnumSet.of(Measure.TIME_TO_DECISION))
                .measure(Measure.TIME_TO_DECISION).orElseThrow().cell("ACCEPTED", Dimension.TOTAL, Dimension.ALL);
        assertThat(published.value()).isEqualTo("10");
        assertThat(published.average()).isEqualTo("10");
        assertThat(published.longest()).isEqualTo("40");
    }

    @Test
    void aFinancialYearAddsUpItsTwelveMonthsAprilToMarch() {
        ReportingPeriod year = ReportingPeriod.parse("FY2025-26");
        List<MonthCells> months = new ArrayList<>();
        for (YearMonth month : year.months()) {
            months.add(cut(month, received("WILTSHIRE", 1), red(month.getMonthValue())));
        }

        PeriodFigures figures = PeriodFigures.of(year, months);

        assertThat(figures.figure(Measure.REFERRALS_RECEIVED, Measure.ALL, Dimension.LOCALITY, "WILTSHIRE").count())
                .isEqualTo(12);
        // March 2026 is the year's last month: 3 RED at its end.
        assertThat(figures.figure(Measure.REGISTER_BY_RATING, "RED", Dimension.TOTAL, Dimension.ALL).count())
                .isEqualTo(3);
        assertThat(figures.isFinal()).isTrue();
        assertThat(figures.cutAt()).isEqualTo(cutAtOf(YearMonth.of(2026, 3)));
    }

    @Test
    void aPeriodIsFinalOnlyOnceEveryMonthIsCut() {
        assertThat(PeriodFigures.of(Q4, List.of(cut(OCTOBER), cut(NOVEMBER), cut(DECEMBER))).isFinal()).isTrue();
        assertThat(PeriodFigures.of(Q4, List.of(cut(OCTOBER), cut(NOVEMBER), open(DECEMBER))).isFinal()).isFalse();
        PeriodFigures twoMonths = PeriodFigures.of(Q4, List.of(cut(OCTOBER), cut(NOVEMBER)));
        assertThat(twoMonths.isFinal()).isFalse();
        assertThat(twoMonths.cutAt()).isEqualTo(cutAtOf(NOVEMBER));
        assertThat(PeriodFigures.of(Q4, List.of(open(OCTOBER))).cutAt()).isNull();
    }

    @Test
    void restatementsOfTheMonthsAreAddedUp() {
        PeriodFigures quarter = PeriodFigures.of(Q4, List.of(
                new MonthCells(OCTOBER, false, cutAtOf(OCTOBER), List.of(), List.of(
                        new Restatement(Measure.REFERRALS_RECEIVED, Measure.ALL, YearMonth.of(2026, 9), 5))),
                new MonthCells(NOVEMBER, false, cutAtOf(NOVEMBER), List.of(), List.of(
                        new Restatement(Measure.REFERRALS_RECEIVED, Measure.ALL, YearMonth.of(2026, 9), 4),
                        new Restatement(Measure.REFERRALS_RECEIVED, Measure.ALL, YearMonth.of(2026, 8), 1)))));

        assertThat(quarter.restatements()).containsExactly(
                new PeriodFigures.RestatementTotal(Measure.REFERRALS_RECEIVED, Measure.ALL, YearMonth.of(2026, 8), 1),
                new PeriodFigures.RestatementTotal(Measure.REFERRALS_RECEIVED, Measure.ALL, YearMonth.of(2026, 9), 9));
    }

    @Test
    void aMonthOutsideThePeriodOrTwiceIsRefused() {
        assertThatThrownBy(() -> PeriodFigures.of(Q4, List.of(cut(YearMonth.of(2026, 9)))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PeriodFigures.of(Q4, List.of(cut(OCTOBER), cut(OCTOBER))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private static Publication publication() {
        return new Publication(DisclosureControl.nhsDigitalDefault(), PublicationTest.CATEGORIES);
    }

    private static Instant cutAtOf(YearMonth month) {
        return month.plusMonths(1).atDay(1).atStartOfDay(ReportingPeriod.ENGLAND).toInstant().plusSeconds(3600);
    }

    private static MonthCells cut(YearMonth month, RawCell... cells) {
        return new MonthCells(month, false, cutAtOf(month), List.of(cells), List.of());
    }

    private static MonthCells open(YearMonth month, RawCell... cells) {
        return new MonthCells(month, true, null, List.of(cells), List.of());
    }

    private static RawCell received(String locality, long count) {
        return RawCell.count(Measure.REFERRALS_RECEIVED, Measure.ALL, Dimension.LOCALITY, locality, count);
    }

    private static RawCell red(long count) {
        return RawCell.count(Measure.REGISTER_BY_RATING, "RED", Dimension.TOTAL, Dimension.ALL, count);
    }

    private static RawCell consent(String status, long count) {
        return RawCell.count(Measure.CONSENT_STATUS, status, Dimension.TOTAL, Dimension.ALL, count);
    }

    private static RawCell firstContact(long onTime, long of) {
        return new RawCell(Measure.FIRST_CONTACT_ON_TIME, Measure.ALL, Dimension.TOTAL, Dimension.ALL, onTime, of,
                null, null);
    }

    private static RawCell decisions(long count, long days, long longest) {
        return new RawCell(Measure.TIME_TO_DECISION, "ACCEPTED", Dimension.TOTAL, Dimension.ALL, count, null, days,
                longest);
    }
}
