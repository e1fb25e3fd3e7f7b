package org.opendsr.consent.adapters.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
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
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.opendsr.consent.application.ReadingConsents;
import org.opendsr.consent.domain.Consent;
import org.opendsr.consent.domain.ConsentState;
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

    private final ReadingConsents reading;

    public WorklistController(ReadingConsents reading) {
        this.reading = reading;
    }

    @Get("/renewals-due")
    @Operation(summary = "Active consents due for renewal in the next 30 days (or withinDays), soonest first")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public Worklists.RenewalsDue renewalsDue(
            @Parameter(description = "How many days ahead, 1 to 366; 30 when omitted") @Nullable @QueryValue Integer withinDays,
            Caller caller) {
        int days = withinDays == null ? DEFAULT_DAYS_AHEAD : withinDays;
        if (days < 1 || days > MOST_DAYS_AHEAD) {
            throw RuleBroken.invalid("withinDays", "must be from 1 to " + MOST_DAYS_AHEAD);
        }
        LocalDate today = reading.today();
        return new Worklists.RenewalsDue(today, today.plusDays(days), reading.renewalsDueWithin(days, caller,
                ConsentController.purposeOf(caller)).stream()
                .map(consent -> Worklists.RenewalDueEntry.of(consent, today)).toList());
    }

    @Get("/overdue")
    @Operation(summary = "Overdue consents, with the days left before the person is removed from the register")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public Worklists.Overdue overdue(Caller caller) {
        LocalDate today = reading.today();
        return new Worklists.Overdue(today, reading.overdue(caller, ConsentController.purposeOf(caller)).stream()
                .map(consent -> Worklists.OverdueEntry.of(consent, today)).toList());
    }

    @Get("/closed")
    @Operation(summary = "Consents that lapsed or were withdrawn in a month")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public Worklists.Closed closed(
            @Parameter(description = "The month, YYYY-MM; this month when omitted") @Nullable @QueryValue String month,
            Caller caller) {
        YearMonth chosen = month == null || month.isBlank() ? YearMonth.from(reading.today()) : parse(month);
        List<Consent> closed = reading.closedIn(chosen, caller, ConsentController.purposeOf(caller));
        return new Worklists.Closed(chosen.toString(),
                closed.stream().filter(consent -> consent.state() == ConsentState.LAPSED).count(),
                closed.stream().filter(consent -> consent.state() == ConsentState.WITHDRAWN).count(),
                closed.stream().map(Worklists.ClosedEntry::of).toList());
    }

    private static YearMonth parse(String month) {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw RuleBroken.invalid("month", "must be a month as YYYY-MM");
        }
    }
}
