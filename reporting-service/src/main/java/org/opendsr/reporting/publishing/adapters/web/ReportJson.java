package org.opendsr.reporting.publishing.adapters.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import org.opendsr.reporting.publishing.domain.PublishedCell;
import org.opendsr.reporting.publishing.domain.PublishedMeasure;
import org.opendsr.reporting.publishing.domain.PublishedReport;
import org.opendsr.reporting.publishing.domain.PublishedRestatement;

/**
 * A period's report as JSON. Every figure has passed disclosure control, so each is text: {@code "0"}, {@code "*"}
 * (1 to 7, suppressed), a multiple of 5, a percentage of published figures with one decimal, or {@code "-"} (a
 * percentage of nothing).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "Report", description = "A period's figures for commissioners, after NHS Digital disclosure control")
public record ReportJson(
        @Schema(description = "The period: a month YYYY-MM, a calendar quarter YYYY-Qn or a financial year FYyyyy-yy",
                example = "2026-11") String period,
        @Schema(allowableValues = {"MONTH", "QUARTER", "FINANCIAL_YEAR"}) String periodKind,
        @Schema(example = "2026-11") String firstMonth,
        @Schema(example = "2026-11") String lastMonth,
        @Schema(description = "FINAL once every month of the period has been cut (the figures never change again); "
                + "PROVISIONAL while any month is open or still to come", allowableValues = {"FINAL", "PROVISIONAL"})
        String status,
        @Schema(description = "When the latest of the period's months was cut (its snapshot frozen); null if none has "
                + "been", nullable = true, example = "2026-12-01T01:00:00Z") @Nullable String cutAt,
        @Schema(description = "How the figures were protected, in words") String disclosureControl,
        List<MeasureJson> measures,
        @Schema(description = "Counted in the period but happened in an earlier, already published month: that "
                + "month's report is not rewritten") List<RestatementJson> restatements,
        @Schema(description = "The restatements as a CSV table, through the gateway",
                example = "/api/reports/2026-11/restatements.csv") String restatementsCsv) {

    /** One measure and its cells. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "ReportMeasure")
    public record MeasureJson(@Schema(example = "register-by-rating") String id, String title,
                              @Schema(allowableValues = {"COUNT", "PERCENT", "DAYS"}) String unit,
                              @Schema(description = "The measure's CSV table, through the gateway",
                                      example = "/api/reports/2026-11/measures/register-by-rating.csv") String csv,
                              @Schema(description = "Every group x dimension x category, 0 where it is 0, ordered "
                                      + "group, dimension, category") List<CellJson> cells) {
    }

    /** One published figure. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ReportCell")
    public record CellJson(
            @Schema(description = "A rating, reason, status; ALL where the measure has none", example = "RED")
            String group,
            @Schema(example = "LOCALITY") String dimension,
            @Schema(description = "ALL for TOTAL; NOT_RECORDED where the attribute is not known", example = "SWINDON")
            String category,
            @Schema(description = "COUNT: the count; PERCENT: the percentage of the published numerator and "
                    + "denominator (* where either is *, - where the denominator is 0); DAYS: how many were measured",
                    example = "10") String value,
            @Schema(description = "True exactly when value is *") boolean suppressed,
            @Schema(description = "PERCENT only, published", nullable = true) @Nullable String numerator,
            @Schema(description = "PERCENT only, published", nullable = true) @Nullable String denominator,
            @Schema(description = "DAYS only: average days, whole days; * unless 8 or more were measured",
                    nullable = true) @Nullable String average,
            @Schema(description = "DAYS only: the longest, rounded to the nearest 5 days (at least 5; 0 only if "
                    + "0), never exact as it is one person's; * unless 8 or more were measured",
                    nullable = true) @Nullable String longest) {
    }

    /** A restatement: counted in the period, happened in an earlier month (ICB total). */
    @Serdeable
    @Schema(name = "ReportRestatement")
    public record RestatementJson(@Schema(example = "referrals-received") String measure,
                                  @Schema(example = "ALL") String group,
                                  @Schema(example = "2026-10") String occurredIn,
                                  @Schema(example = "*") String value, boolean suppressed) {
    }

    static ReportJson of(PublishedReport report) {
        String period = report.period().label();
        return new ReportJson(period, report.period().kind().name(), report.period().firstMonth().toString(),
                report.period().lastMonth().toString(), report.status().name(),
                report.cutAt() == null ? null : report.cutAt().toString(), report.disclosureControl(),
                report.measures().stream().map(measure -> measure(period, measure)).toList(),
                report.restatements().stream().map(ReportJson::restatement).toList(), restatementsCsvPath(period));
    }

    /** Where the period's restatements CSV is, through the gateway. */
    static String restatementsCsvPath(String period) {
        return "/api/reports/" + period + "/restatements.csv";
    }

    /** Where a measure's CSV is, through the gateway. */
    static String csvPath(String period, PublishedMeasure measure) {
        return "/api/reports/" + period + "/measures/" + measure.measure().id() + ".csv";
    }

    private static MeasureJson measure(String period, PublishedMeasure measure) {
        return new MeasureJson(measure.measure().id(), measure.measure().title(), measure.measure().unit().name(),
                csvPath(period, measure), measure.cells().stream().map(ReportJson::cell).toList());
    }

    private static CellJson cell(PublishedCell cell) {
        return new CellJson(cell.group(), cell.dimension().name(), cell.category(), cell.value(), cell.suppressed(),
                cell.numerator(), cell.denominator(), cell.average(), cell.longest());
    }

    private static RestatementJson restatement(PublishedRestatement restatement) {
        return new RestatementJson(restatement.measure().id(), restatement.group(),
                restatement.occurredIn().toString(), restatement.value(), restatement.suppressed());
    }
}
