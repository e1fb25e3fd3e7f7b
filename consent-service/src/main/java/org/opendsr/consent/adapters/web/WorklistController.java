package org.opendsr.consent.adapters.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.opendsr.consent.application.ReadingConsents;
import org.opendsr.consent.application.WorklistPage;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.kit.rules.RuleBroken;

/**
 * The DSR team's consent worklists. People who have left the register are not on them, nor people the caller has no
 * need to know (a DSR team member sees their areas' people, people in no area yet, and those whose care team they are
 * in; a lead everyone). Each entry shown is a read of that person's consent, audited with the stated purpose.
 */
@Controller("/consents/worklists")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
@Tag(name = "Consent worklists")
public class WorklistController {

    static final int DEFAULT_DAYS_AHEAD = 30;
    static final int MOST_DAYS_AHEAD = 366;
    static final int DEFAULT_LIMIT = 50;
    static final String AFTER = "The next of the page before; leave out for the first page";
    static final String LIMIT = "How many entries, 1 to 100; 50 when omitted";

    private final ReadingConsents reading;

    public WorklistController(ReadingConsents reading) {
        this.reading = reading;
    }

    @Get("/renewals-due")
    @Operation(summary = "Active consents due for renewal in the next 30 days (or withinDays), soonest first, a page at "
            + "a time: pass the page's next as after for the following one")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public Worklists.RenewalsDue renewalsDue(
            @Parameter(description = "How many days ahead, 1 to 366; 30 when omitted") @Nullable @QueryValue Integer withinDays,
            @Parameter(description = AFTER) @Nullable @QueryValue String after,
            @Parameter(description = LIMIT) @Nullable @QueryValue Integer limit,
            Caller caller) {
        int days = withinDays == null ? DEFAULT_DAYS_AHEAD : withinDays;
        if (days < 1 || days > MOST_DAYS_AHEAD) {
            throw RuleBroken.invalid("withinDays", "must be from 1 to " + MOST_DAYS_AHEAD);
        }
        LocalDate today = reading.today();
        WorklistPage page = reading.renewalsDueWithin(days, after, limitOf(limit), caller,
                ConsentController.purposeOf(caller));
        return new Worklists.RenewalsDue(today, today.plusDays(days), page.consents().stream()
                .map(consent -> Worklists.RenewalDueEntry.of(consent, today)).toList(), page.next());
    }

    @Get("/overdue")
    @Operation(summary = "Overdue consents, with the days left before the person is removed from the register, a page "
            + "at a time")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public Worklists.Overdue overdue(@Parameter(description = AFTER) @Nullable @QueryValue String after,
                                     @Parameter(description = LIMIT) @Nullable @QueryValue Integer limit,
                                     Caller caller) {
        LocalDate today = reading.today();
        WorklistPage page = reading.overdue(after, limitOf(limit), caller, ConsentController.purposeOf(caller));
        return new Worklists.Overdue(today, page.consents().stream()
                .map(consent -> Worklists.OverdueEntry.of(consent, today)).toList(), page.next());
    }

    @Get("/closed")
    @Operation(summary = "Consents that lapsed or were withdrawn in a month (the counts for the whole month), a page "
            + "at a time")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public Worklists.Closed closed(
            @Parameter(description = "The month, YYYY-MM; this month when omitted") @Nullable @QueryValue String month,
            @Parameter(description = AFTER) @Nullable @QueryValue String after,
            @Parameter(description = LIMIT) @Nullable @QueryValue Integer limit,
            Caller caller) {
        YearMonth chosen = month == null || month.isBlank() ? YearMonth.from(reading.today()) : parse(month);
        WorklistPage page = reading.closedIn(chosen, after, limitOf(limit), caller, ConsentController.purposeOf(caller));
        long[] counts = reading.closedCountsIn(chosen, caller);
        return new Worklists.Closed(chosen.toString(), counts[0], counts[1],
                page.consents().stream().map(Worklists.ClosedEntry::of).toList(), page.next());
    }

    private static int limitOf(@Nullable Integer limit) {
        return limit == null ? DEFAULT_LIMIT : limit;
    }

    private static YearMonth parse(String month) {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw RuleBroken.invalid("month", "must be a month as YYYY-MM");
        }
    }
}
