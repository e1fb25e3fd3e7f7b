package org.opendsr.reporting.adapters.web;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.reporting.application.ReportingReferrals;
import org.opendsr.reporting.application.ReportingReferrals.ReferralsReceived;
import org.opendsr.reporting.domain.ReportingPeriod;

@Controller("/reports")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Reports")
public class ReportController {

    private final ReportingReferrals reporting;
    private final Clock clock;

    public ReportController(ReportingReferrals reporting, Clock clock) {
        this.reporting = reporting;
        this.clock = clock;
    }

    @Get("/referrals-received")
    @Secured({DsrRoles.ANALYST, DsrRoles.DSR_LEAD, DsrRoles.DSR_TEAM})
    @Operation(summary = "Referrals received in one calendar month or one calendar quarter, by route, locality and age "
            + "band, after disclosure control",
            description = "Only whole calendar months (to = from) and calendar quarters (from its first month to its "
                    + "last: 2026-01 to 2026-03, 2026-04 to 2026-06, ...) are reported; any other window is refused "
                    + "with 400 naming the field, so that overlapping windows cannot be differenced to reveal a "
                    + "suppressed count.")
    public ReferralsReceivedReport referralsReceived(
            @Parameter(description = "First month, YYYY-MM; this month when omitted") @Nullable @QueryValue String from,
            @Parameter(description = "Last month, YYYY-MM: the same as from, or the last month of from's quarter; "
                    + "from when omitted") @Nullable @QueryValue String to) {
        YearMonth thisMonth = YearMonth.now(clock.withZone(ReportingPeriod.ENGLAND));
        YearMonth first = month("from", from, thisMonth);
        YearMonth last = month("to", to, first);
        ReportingPeriod period = ReportingPeriod.asked(first, last);
        ReferralsReceived report = reporting.referralsReceived(period);
        return new ReferralsReceivedReport(first.toString(), last.toString(), report.total(),
                published(report.byRoute()), published(report.byLocality()), published(report.byAgeBand()),
                report.disclosureControl());
    }

    private static List<ReferralsReceivedReport.PublishedCell> published(List<ReportingReferrals.PublishedCell> cells) {
        return cells.stream().map(cell -> new ReferralsReceivedReport.PublishedCell(cell.category(), cell.referrals()))
                .toList();
    }

    private static YearMonth month(String field, String text, YearMonth fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return YearMonth.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw RuleBroken.invalid(field, "must be a month as YYYY-MM");
        }
    }
}
