package org.opendsr.reporting.publishing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opendsr.contracts.common.AgeBand;
import org.opendsr.reporting.measures.domain.Dimension;
import org.opendsr.reporting.measures.domain.Measure;
import org.opendsr.reporting.measures.domain.MonthCells;
import org.opendsr.reporting.measures.domain.RawCell;
import org.opendsr.reporting.measures.domain.Restatement;

/**
 * Publishing a period's figures (DOMAIN.md "Reporting", NHS Digital's method): disclosure control on every cell and
 * every total; percentages from the published figures; averages (whole days) and longest times (to the nearest 5
 * days, never exact) only where 8 or more were measured;
 * every group x dimension x category shown, 0 where it is 0.
 */
class PublicationTest {

    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    static final Instant CUT = Instant.parse("2026-12-01T01:00:00Z");
    static final Categories CATEGORIES = new Categories(List.of("SWINDON", "WILTSHIRE", "BATH_AND_NORTH_EAST_SOMERSET"),
            List.of("INTENSIVE_SUPPORT_TEAM", "SHORT_BREAKS"));

    private final Publication publication = new Publication(DisclosureControl.nhsDigitalDefault(), CATEGORIES);

    // ---- disclosure control on every cell ------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} referrals in Swindon are published as {1}")
    @CsvSource({"0, 0, false", "1, *, true", "7, *, true", "8, 10, false", "12, 10, false", "13, 15, false"})
    void eachCellIsPublishedUnderNhsDigitalDisclosureControl(long count, String published, boolean suppressed) {
        List<RawCell> cells = new ArrayList<>();
        if (count > 0) {
            cells.add(RawCell.count(Measure.REFERRALS_RECEIVED, Measure.ALL, Dimension.LOCALITY, "SWINDON", count));
        }

        PublishedCell swindon = november(cells, Measure.REFERRALS_RECEIVED)
                .cell(Measure.ALL, Dimension.LOCALITY, "SWINDON");

        assertThat(swindon.value()).isEqualTo(published);
        assertThat(swindon.suppressed()).isEqualTo(suppressed);
    }

    @Test
    void totalsAreControlledToo() {
        PublishedMeasure received = november(List.of(
                RawCell.count(Measure.REFERRALS_RECEIVED, Measure.ALL, Dimension.TOTAL, Dimension.ALL, 3)),
                Measure.REFERRALS_RECEIVED);

        assertThat(received.cell(Measure.ALL, Dimension.TOTAL, Dimension.ALL).value()).isEqualTo("*");
    }

    // ---- every category, 0 where it is 0 -------------------------------------------------------------------------

    @Test
    void anEmptyMonthShowsEveryGroupDimensionAndCategoryAsZero() {
        PublishedMeasure ratings = november(List.of(), Measure.REGISTER_BY_RATING);

        assertThat(ratings.cells()).allSatisfy(cell -> {
            assertThat(cell.value()).isEqualTo("0");
            assertThat(cell.suppressed()).isFalse();
        });
        assertThat(ratings.cells().stream().map(PublishedCell::group).distinct())
                .containsExactly("RED", "AMBER", "GREEN", "BLUE", "NOT_RATED");
        assertThat(categories(ratings, "RED", Dimension.TOTAL)).containsExactly("ALL");
        assertThat(categories(ratings, "RED", Dimension.LOCALITY)).containsExactly("SWINDON", "WILTSHIRE",
                "BATH_AND_NORTH_EAST_SOMERSET", "OUT_OF_AREA", "NOT_RECORDED");
        assertThat(categories(ratings, "BLUE", Dimension.AGE_BAND)).startsWith(AgeBand.AGE_0_TO_9.name())
                .contains(AgeBand.AGE_65_AND_OVER.name()).endsWith("NOT_RECORDED").hasSize(AgeBand.values().length + 1);
        assertThat(categories(ratings, "GREEN", Dimension.LIFE_STAGE)).containsExactly("CHILD", "ADULT", "NOT_RECORDED");
        assertThat(categories(ratings, "GREEN", Dimension.DIAGNOSIS)).containsExactly("LEARNING_DISABILITY", "AUTISM",
                "LEARNING_DISABILITY_AND_AUTISM", "ASSESSMENT_PATHWAY", "NOT_RECORDED");
        assertThat(categories(ratings, "AMBER", Dimension.ETHNIC_CATEGORY)).startsWith("A", "B").contains("Z",
                "NOT_KNOWN").endsWith("NOT_RECORDED");
        assertThat(categories(ratings, "AMBER", Dimension.REFERRAL_SOURCE)).containsExactly("PROFESSIONAL",
                "SELF_OR_FAMILY", "AGENCY_SYSTEM", "NOT_RECORDED");
    }

    @Test
    void serviceTypesAreTheConfiguredCatalogueAndLocalitiesTheIcbs() {
        PublishedMeasure recommendations = november(List.of(), Measure.SERVICE_RECOMMENDATIONS);

        assertThat(recommendations.cells().stream().map(PublishedCell::group).distinct())
                .containsExactly("MADE", "MET", "UNMET");
        assertThat(categories(recommendations, "UNMET", Dimension.SERVICE_TYPE))
                .containsExactly("INTENSIVE_SUPPORT_TEAM", "SHORT_BREAKS");
        assertThat(categories(recommendations, "UNMET", Dimension.LOCALITY)).containsExactly("SWINDON", "WILTSHIRE",
                "BATH_AND_NORTH_EAST_SOMERSET", "OUT_OF_AREA", "NOT_RECORDED");
    }

    @Test
    void aCategoryTheFiguresHoldBeyondTheListsIsShownBeforeNotRecorded() {
        PublishedMeasure recommendations = november(List.of(
                RawCell.count(Measure.SERVICE_RECOMMENDATIONS, "MADE", Dimension.LOCALITY, "CORNWALL", 9),
                RawCell.count(Measure.SERVICE_RECOMMENDATIONS, "MADE", Dimension.SERVICE_TYPE, "HOUSING", 2)),
                Measure.SERVICE_RECOMMENDATIONS);

        assertThat(categories(recommendations, "MET", Dimension.LOCALITY)).containsExactly("SWINDON", "WILTSHIRE",
                "BATH_AND_NORTH_EAST_SOMERSET", "OUT_OF_AREA", "CORNWALL", "NOT_RECORDED");
        assertThat(recommendations.cell("MADE", Dimension.LOCALITY, "CORNWALL").value()).isEqualTo("10");
        assertThat(recommendations.cell("MET", Dimension.LOCALITY, "CORNWALL").value()).isEqualTo("0");
        assertThat(categories(recommendations, "UNMET", Dimension.SERVICE_TYPE))
                .containsExactly("INTENSIVE_SUPPORT_TEAM", "SHORT_BREAKS", "HOUSING");
    }

    @Test
    void cellsAreOrderedByGroupThenDimensionThenCategory() {
        PublishedMeasure declined = november(List.of(), Measure.REFERRALS_DECLINED);

        List<String> groups = declined.cells().stream().map(PublishedCell::group).distinct().toList();
        assertThat(groups).isEqualTo(Measure.REFERRALS_DECLINED.groups());
        for (String group : groups) {
            assertThat(declined.cells().stream().filter(cell -> cell.group().equals(group))
                    .map(PublishedCell::dimension).distinct().toList()).isEqualTo(Measure.REFERRALS_DECLINED.dimensions());
        }
        // Groups are contiguous: all of the first group's cells come before the second's.
        assertThat(declined.cells().get(0).group()).isEqualTo(groups.get(0));
        assertThat(declined.cells().get(declined.cells().size() - 1).group()).isEqualTo(groups.get(groups.size() - 1));
    }

    // ---- percentages from the published figures --------------------------------------------------------------------

    @ParameterizedTest(name = "{0} of {1} is published as {2} of {3}: {4}")
    @CsvSource({
            "12, 13, 10, 15, 66.7, false",
            "8, 8, 10, 10, 100.0, false",
            "0, 13, 0, 15, 0.0, false",
            "3, 13, *, 15, *, true",
            "7, 7, *, *, *, true",
            "0, 5, 0, *, *, true",
            "0, 0, 0, 0, -, false",
            "18, 29, 20, 30, 66.7, false",
            "9, 12, 10, 10, 100.0, false"})
    void aPercentageIsWorkedOutFromThePublishedFigures(long numerator, long denominator, String publishedNumerator,
                                                       String publishedDenominator, String value, boolean suppressed) {
        List<RawCell> cells = new ArrayList<>();
        if (denominator > 0) {
            cells.add(new RawCell(Measure.FIRST_CONTACT_ON_TIME, Measure.ALL, Dimension.TOTAL, Dimension.ALL,
                    numerator, denominator, null, null));
        }

        PublishedCell total = november(cells, Measure.FIRST_CONTACT_ON_TIME)
                .cell(Measure.ALL, Dimension.TOTAL, Dimension.ALL);

        assertThat(total.numerator()).isEqualTo(publishedNumerator);
        assertThat(total.denominator()).isEqualTo(publishedDenominator);
        assertThat(total.value()).isEqualTo(value);
        assertThat(total.suppressed()).isEqualTo(suppressed);
        assertThat(total.average()).isNull();
    }

    // ---- days: average and longest only where 8 or more were measured ------------------------------------------

    @Test
    void daysAreAveragedAndTheLongestShownWhereEightOrMoreWereMeasured() {
        PublishedMeasure decisions = november(List.of(
                new RawCell(Measure.TIME_TO_DECISION, "ACCEPTED", Dimension.TOTAL, Dimension.ALL, 8, null, 100L, 31L),
                new RawCell(Measure.TIME_TO_DECISION, "DECLINED", Dimension.TOTAL, Dimension.ALL, 7, null, 70L, 20L)),
                Measure.TIME_TO_DECISION);

        PublishedCell accepted = decisions.cell("ACCEPTED", Dimension.TOTAL, Dimension.ALL);
        assertThat(accepted.value()).isEqualTo("10");
        assertThat(accepted.average()).isEqualTo("13");
        assertThat(accepted.longest()).isEqualTo("30");
        PublishedCell declined = decisions.cell("DECLINED", Dimension.TOTAL, Dimension.ALL);
        assertThat(declined.value()).isEqualTo("*");
        assertThat(declined.suppressed()).isTrue();
        assertThat(declined.average()).isEqualTo("*");
        assertThat(declined.longest()).isEqualTo("*");
        PublishedCell none = decisions.cell("ACCEPTED", Dimension.LOCALITY, "SWINDON");
        assertThat(none.value()).isEqualTo("0");
        assertThat(none.suppressed()).isFalse();
        assertThat(none.average()).isEqualTo("*");
        assertThat(none.numerator()).isNull();
    }

    @Test
    void theLongestIsNeverExactSoATotalCannotGiveAwaySomeoneInASuppressedCategory() {
        // 3 people in Wiltshire (suppressed) waited longest: 47 days. Swindon's 9 waited at most 21. Published exact,
        // the total's 47 above Swindon's 21 would be a Wiltshire person's exact wait.
        PublishedMeasure onRegister = november(List.of(
                new RawCell(Measure.TIME_ON_REGISTER, Measure.ALL, Dimension.TOTAL, Dimension.ALL, 12, null, 200L, 47L),
                new RawCell(Measure.TIME_ON_REGISTER, Measure.ALL, Dimension.LOCALITY, "SWINDON", 9, null, 120L, 21L),
                new RawCell(Measure.TIME_ON_REGISTER, Measure.ALL, Dimension.LOCALITY, "WILTSHIRE", 3, null, 80L,
                        47L)), Measure.TIME_ON_REGISTER);

        PublishedCell total = onRegister.cell(Measure.ALL, Dimension.TOTAL, Dimension.ALL);
        assertThat(total.longest()).isEqualTo("45");
        assertThat(total.average()).isEqualTo("17");
        assertThat(onRegister.cell(Measure.ALL, Dimension.LOCALITY, "SWINDON").longest()).isEqualTo("20");
        assertThat(onRegister.cell(Measure.ALL, Dimension.LOCALITY, "SWINDON").average()).isEqualTo("13");
        assertThat(onRegister.cell(Measure.ALL, Dimension.LOCALITY, "WILTSHIRE").longest()).isEqualTo("*");
        assertThat(onRegister.cell(Measure.ALL, Dimension.LOCALITY, "WILTSHIRE").average()).isEqualTo("*");
    }

    @Test
    void aShortLongestIsNeverPublishedAsZero() {
        PublishedCell sameWeek = november(List.of(
                new RawCell(Measure.TIME_TO_DECISION, "ACCEPTED", Dimension.TOTAL, Dimension.ALL, 10, null, 10L, 2L)),
                Measure.TIME_TO_DECISION).cell("ACCEPTED", Dimension.TOTAL, Dimension.ALL);

        assertThat(sameWeek.longest()).isEqualTo("5");
        assertThat(sameWeek.average()).isEqualTo("1");
    }

    // ---- status and restatements -----------------------------------------------------------------------------------

    @Test
    void aCutMonthIsFinalAndTheOpenMonthProvisional() {
        PublishedReport cut = publication.publish(PeriodFigures.of(ReportingPeriod.month(NOVEMBER),
                List.of(new MonthCells(NOVEMBER, false, CUT, List.of(), List.of()))), EnumSet.allOf(Measure.class));
        PublishedReport open = publication.publish(PeriodFigures.of(ReportingPeriod.month(NOVEMBER),
                List.of(new MonthCells(NOVEMBER, true, null, List.of(), List.of()))), EnumSet.allOf(Measure.class));

        assertThat(cut.status()).isEqualTo(PublishedReport.Status.FINAL);
        assertThat(cut.cutAt()).isEqualTo(CUT);
        assertThat(cut.measures()).hasSize(Measure.values().length);
        assertThat(cut.disclosureControl()).contains("1 to 7").contains("nearest 5");
        assertThat(open.status()).isEqualTo(PublishedReport.Status.PROVISIONAL);
        assertThat(open.cutAt()).isNull();
    }

    @Test
    void restatementsArePublishedUnderDisclosureControlToo() {
        PublishedReport report = publication.publish(PeriodFigures.of(ReportingPeriod.month(NOVEMBER),
                List.of(new MonthCells(NOVEMBER, false, CUT, List.of(), List.of(
                        new Restatement(Measure.REFERRALS_RECEIVED, Measure.ALL, YearMonth.of(2026, 10), 2),
                        new Restatement(Measure.REFERRALS_ACCEPTED, Measure.ALL, YearMonth.of(2026, 9), 12))))),
                EnumSet.allOf(Measure.class));

        assertThat(report.restatements()).containsExactly(
                new PublishedRestatement(Measure.REFERRALS_RECEIVED, Measure.ALL, YearMonth.of(2026, 10), "*", true),
                new PublishedRestatement(Measure.REFERRALS_ACCEPTED, Measure.ALL, YearMonth.of(2026, 9), "10", false));
    }

    @Test
    void oneMeasureAskedForIsPublishedAloneWithItsRestatements() {
        PublishedReport report = publication.publish(PeriodFigures.of(ReportingPeriod.month(NOVEMBER),
                List.of(new MonthCells(NOVEMBER, true, null, List.of(), List.of(
                        new Restatement(Measure.REFERRALS_RECEIVED, Measure.ALL, YearMonth.of(2026, 10), 2),
                        new Restatement(Measure.REFERRALS_ACCEPTED, Measure.ALL, YearMonth.of(2026, 9), 12))))),
                EnumSet.of(Measure.REFERRALS_RECEIVED));

        assertThat(report.measures()).extracting(PublishedMeasure::measure).containsExactly(Measure.REFERRALS_RECEIVED);
        assertThat(report.restatements()).extracting(PublishedRestatement::measure)
                .containsExactly(Measure.REFERRALS_RECEIVED);
    }

    private PublishedMeasure november(List<RawCell> cells, Measure measure) {
        return publication.publish(PeriodFigures.of(ReportingPeriod.month(NOVEMBER),
                List.of(new MonthCells(NOVEMBER, false, CUT, cells, List.of()))), EnumSet.of(measure))
                .measure(measure).orElseThrow();
    }

    private static List<String> categories(PublishedMeasure measure, String group, Dimension dimension) {
        return measure.cells().stream().filter(cell -> cell.group().equals(group) && cell.dimension() == dimension)
                .map(PublishedCell::category).toList();
    }
}
