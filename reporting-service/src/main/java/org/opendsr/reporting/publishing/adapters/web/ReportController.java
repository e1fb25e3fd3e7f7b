package org.opendsr.reporting.publishing.adapters.web;

import java.util.Optional;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.reporting.publishing.application.PublishingReports;
import org.opendsr.reporting.publishing.domain.PublishedReport;

/**
 * The commissioners' reports (the gateway serves them under {@code /api/reports}): JSON, a CSV table per measure and
 * a printable page with charts, for a month, a calendar quarter or a financial year. Analysts, DSR leads and the DSR
 * team only; every figure has passed disclosure control.
 */
@Controller("/reports")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({DsrRoles.ANALYST, DsrRoles.DSR_LEAD, DsrRoles.DSR_TEAM})
@Tag(name = "Reports")
public class ReportController {

    private static final String PERIOD = "A month (2026-11), a calendar quarter (2026-Q4) or a financial year, April "
            + "to March (FY2026-27). Nothing else: overlapping windows could be differenced to reveal a suppressed "
            + "figure. Anything else is refused with 400 naming period; a period not yet begun is 404.";

    private final PublishingReports reports;

    public ReportController(PublishingReports reports) {
        this.reports = reports;
    }

    @Get("/{period}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A period's report: every measure by every breakdown, after NHS Digital disclosure control",
            description = "0 stays 0, 1 to 7 are shown as *, other counts are rounded to the nearest 5, totals "
                    + "included; percentages come from the published figures; every category is shown, 0 where it "
                    + "is 0. A closed month (FINAL) reads its frozen snapshot and never changes; the open month is "
                    + "PROVISIONAL. A quarter or year adds up its months (a count at month end: its last month).")
    public ReportJson report(@Parameter(description = PERIOD) @PathVariable String period,
                             @Parameter(description = "One measure's id (e.g. referrals-received): only that measure "
                                     + "and its restatements") @Nullable @QueryValue String measure) {
        return ReportJson.of(reports.report(period, Optional.ofNullable(measure)));
    }

    @Get("/{period}/measures/{measureId}.csv")
    @Produces(CsvTables.CONTENT_TYPE)
    @Operation(summary = "One measure as a CSV table",
            description = "RFC 4180 with a header row, one row per cell: period, measure, group, dimension, category, "
                    + "value, suppressed; PERCENT measures add numerator and denominator, DAYS measures average and "
                    + "longest; the last column is the report's status (FINAL or PROVISIONAL).")
    @ApiResponse(responseCode = "200", description = "The table",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    public HttpResponse<String> measureCsv(@Parameter(description = PERIOD) @PathVariable String period,
                                           @Parameter(description = "The measure's id, e.g. register-by-rating")
                                           @PathVariable String measureId) {
        PublishedReport report = reports.measure(period, measureId);
        return HttpResponse.ok(CsvTables.of(report, report.measures().get(0)))
                .contentType(CsvTables.CONTENT_TYPE)
                .header("Content-Disposition", "attachment; filename=\"dsr-" + report.period().label() + "-"
                        + report.measures().get(0).measure().id() + ".csv\"");
    }

    @Get("/{period}/restatements.csv")
    @Produces(CsvTables.CONTENT_TYPE)
    @Operation(summary = "The period's restatements as a CSV table",
            description = "Counted in the period but happened in an earlier, already published month (ICB totals by "
                    + "measure, group and the month they belong to), after disclosure control. RFC 4180 with a header "
                    + "row: period, measure, group, occurredIn, value, suppressed, status.")
    @ApiResponse(responseCode = "200", description = "The table",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    public HttpResponse<String> restatementsCsv(@Parameter(description = PERIOD) @PathVariable String period) {
        PublishedReport report = reports.report(period, Optional.empty());
        return HttpResponse.ok(CsvTables.restatements(report))
                .contentType(CsvTables.CONTENT_TYPE)
                .header("Content-Disposition", "attachment; filename=\"dsr-" + report.period().label()
                        + "-restatements.csv\"");
    }

    @Get("/{period}/page")
    @Produces(ReportPage.CONTENT_TYPE)
    @Operation(summary = "The report page for commissioners: printable HTML with charts",
            description = "Trend lines of the register by rating over the 12 months to the period's end and a bar "
                    + "chart of service recommendations made and unmet by locality, drawn on the server as SVG; "
                    + "every measure as tables, each linking to its CSV.")
    @ApiResponse(responseCode = "200", description = "The page",
            content = @Content(mediaType = "text/html", schema = @Schema(type = "string")))
    public HttpResponse<String> page(@Parameter(description = PERIOD) @PathVariable String period) {
        return HttpResponse.ok(ReportPage.of(reports.page(period))).contentType(ReportPage.CONTENT_TYPE);
    }
}
