package org.opendsr.reporting.publishing.application;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Singleton;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.reporting.measures.application.MonthFigures;
import org.opendsr.reporting.measures.domain.Dimension;
import org.opendsr.reporting.measures.domain.Measure;
import org.opendsr.reporting.measures.domain.MonthCells;
import org.opendsr.reporting.publishing.domain.PeriodFigures;
import org.opendsr.reporting.publishing.domain.Publication;
import org.opendsr.reporting.publishing.domain.PublishedMeasure;
import org.opendsr.reporting.publishing.domain.PublishedReport;
import org.opendsr.reporting.publishing.domain.ReportingPeriod;

/**
 * Publishing the commissioners' reports: a period's figures from its months' snapshots (or live figures for the open
 * month), through disclosure control. Every figure that leaves reporting-service comes out of here.
 */
@Singleton
public class PublishingReports {

    /** How many months the report page's trend covers, ending with the period's last month. */
    public static final int TREND_MONTHS = 12;

    /** A report with what its page needs beyond it: the register by rating, month by month, to the period's end. */
    public record ReportWithTrend(PublishedReport report, List<MonthOfRatings> trend) {
    }

    /** One month of the trend: each rating's published ICB total ({@code "*"} where suppressed). */
    public record MonthOfRatings(YearMonth month, Map<String, String> byRating) {
    }

    private final MonthFigures months;
    private final DisclosureSettings disclosure;
    private final CategorySettings categories;
    private final Clock clock;

    public PublishingReports(MonthFigures months, DisclosureSettings disclosure, CategorySettings categories,
                             Clock clock) {
        this.months = months;
        this.disclosure = disclosure;
        this.categories = categories;
        this.clock = clock;
    }

    /** The report of a period, every measure or the one named ({@code measure}, its id). */
    public PublishedReport report(String period, Optional<String> measureId) {
        Set<Measure> measures = measureId.map(id -> EnumSet.of(Measure.byId(id).orElseThrow(() ->
                RuleBroken.invalid("measure", "No such measure: one of the ids GET /reports/{period} lists"))))
                .orElseGet(() -> EnumSet.allOf(Measure.class));
        return report(ReportingPeriod.parse(period), measures);
    }

    /** One measure's report (its CSV table). */
    public PublishedReport measure(String period, String measureId) {
        ReportingPeriod asked = ReportingPeriod.parse(period);
        Measure measure = Measure.byId(measureId).orElseThrow(() -> RuleBroken.notFound("The measure"));
        return report(asked, EnumSet.of(measure));
    }

    /** The whole report and the register's trend by rating over the 12 months to the period's end. */
    public ReportWithTrend page(String period) {
        ReportingPeriod asked = ReportingPeriod.parse(period);
        Map<YearMonth, Optional<MonthCells>> seen = new LinkedHashMap<>();
        PublishedReport report = report(asked, EnumSet.allOf(Measure.class), seen);
        Publication publication = publication();
        List<MonthOfRatings> trend = new ArrayList<>();
        for (int back = TREND_MONTHS - 1; back >= 0; back--) {
            YearMonth month = asked.lastMonth().minusMonths(back);
            Optional<MonthCells> cells = seen.computeIfAbsent(month,
                    earlier -> months.of(earlier, EnumSet.of(Measure.REGISTER_BY_RATING)));
            cells.ifPresent(figures -> {
                PublishedMeasure ratings = publication.publish(
                        PeriodFigures.of(ReportingPeriod.month(month), List.of(figures)),
                        EnumSet.of(Measure.REGISTER_BY_RATING)).measures().get(0);
                Map<String, String> byRating = new LinkedHashMap<>();
                for (String rating : Measure.REGISTER_BY_RATING.groups()) {
                    byRating.put(rating, ratings.cell(rating, Dimension.TOTAL, Dimension.ALL).value());
                }
                trend.add(new MonthOfRatings(month, byRating));
            });
        }
        return new ReportWithTrend(report, trend);
    }

    private PublishedReport report(ReportingPeriod period, Set<Measure> measures) {
        return report(period, measures, new LinkedHashMap<>());
    }

    private PublishedReport report(ReportingPeriod period, Set<Measure> measures,
                                   Map<YearMonth, Optional<MonthCells>> seen) {
        YearMonth thisMonth = YearMonth.now(clock.withZone(ReportingPeriod.ENGLAND));
        if (period.startsAfter(thisMonth)) {
            throw RuleBroken.notFound("A report for a period not yet begun");
        }
        List<MonthCells> figures = new ArrayList<>();
        for (YearMonth month : period.months()) {
            if (!month.isAfter(thisMonth)) {
                // Only the measures asked for: a month still open is worked out live, one query per measure.
                seen.computeIfAbsent(month, asked -> months.of(asked, measures)).ifPresent(figures::add);
            }
        }
        if (figures.isEmpty()) {
            throw RuleBroken.notFound("A report for a period not yet begun");
        }
        return publication().publish(PeriodFigures.of(period, figures), measures);
    }

    private Publication publication() {
        return new Publication(disclosure.control(), categories.categories());
    }
}
