package org.opendsr.risk.obligations.adapters.web;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.opendsr.contracts.risk.ObligationKind;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.paging.WorklistPage;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.risk.obligations.application.ManagingObligations;
import org.opendsr.risk.obligations.application.ReadingObligations;
import org.opendsr.risk.obligations.domain.Completion;
import org.opendsr.risk.obligations.domain.Obligation;
import org.opendsr.risk.obligations.domain.ObligationStatus;

/**
 * What each rating obliges (a C(E)TR, a multi-agency review, the C(E)TR partners, post-admission and inpatient
 * C(E)TRs, oversight visits, a keyworker referral), with due dates and statuses. Ratings are about the risk of
 * admission to a mental health hospital only. Read by the person's care team, the DSR team and leads; booked,
 * completed or closed by the DSR team of the person's area or a lead. Analysts, admins and agency systems: 403.
 */
@Controller("/ratings")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({DsrRoles.PROFESSIONAL, DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
@Tag(name = "Obligations")
public class ObligationController {

    private final ReadingObligations reading;
    private final ManagingObligations managing;

    public ObligationController(ReadingObligations reading, ManagingObligations managing) {
        this.reading = reading;
        this.managing = managing;
    }

    @Get("/people/{personId}/obligations")
    @Operation(summary = "What the person's ratings oblige: open obligations first (soonest due first), then closed "
            + "ones; for their care team, the DSR team and leads (404 for anyone else)")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public PersonObligations ofPerson(@PathVariable UUID personId, Caller caller) {
        return new PersonObligations(personId,
                reading.ofPerson(personId, caller).stream().map(seenToday()).toList());
    }

    @Post("/obligations/{obligationId}/booking")
    @Operation(summary = "Book a date for an obligation (or move the booking): the DSR team of the person's area or "
            + "a lead; 403 for the rest of the care team, 409 obligation-closed once done or not needed")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public ObligationView book(@PathVariable UUID obligationId, @Nullable @Body ObligationRequests.Booking request,
                               Caller caller) {
        if (request == null) {
            throw RuleBroken.invalid("bookedFor", "is required");
        }
        return seenToday().apply(managing.book(obligationId, request.bookedFor(), caller));
    }

    @Post("/obligations/{obligationId}/completion")
    @Operation(summary = "Record that an obligation was done (the next inpatient C(E)TR or oversight visit opens "
            + "while the person is an inpatient): the DSR team of the person's area or a lead")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public ObligationView complete(@PathVariable UUID obligationId,
                                   @Nullable @Body ObligationRequests.Completion request, Caller caller) {
        if (request == null) {
            throw RuleBroken.invalid("completedOn", "is required");
        }
        return seenToday().apply(managing.complete(obligationId, new Completion(request.completedOn(),
                request.reviewType(), request.meetingId(), request.partners()), caller));
    }

    @Post("/obligations/{obligationId}/not-needed")
    @Operation(summary = "Close an obligation as not needed, with the reason (which stays in risk-service): the DSR "
            + "team of the person's area or a lead")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public ObligationView notNeeded(@PathVariable UUID obligationId,
                                    @Nullable @Body ObligationRequests.NotNeeded request, Caller caller) {
        String reason = request == null ? null : request.reason();
        return seenToday().apply(managing.notNeeded(obligationId, reason, caller));
    }

    @Get("/worklists/obligations")
    @Operation(summary = "Open obligations of the people the caller may see, soonest due first, a page at a time "
            + "(pass the page's next as after for the following one)")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public ObligationWorklist worklist(
            @Parameter(description = "DUE, BOOKED or OVERDUE, or several comma-separated; all open ones when omitted")
            @Nullable @QueryValue String status,
            @Parameter(description = "One kind of obligation; every kind when omitted") @Nullable @QueryValue String kind,
            @Parameter(description = "The area of the person's care team") @Nullable @QueryValue String area,
            @Parameter(description = "How many entries, 1 to 200; 50 when omitted") @Nullable @QueryValue Integer limit,
            @Parameter(description = "The next of the page before; leave out for the first page")
            @Nullable @QueryValue String after,
            Caller caller) {
        WorklistPage<Obligation> page = reading.worklist(statusesOf(status), kindOf(kind), area, limit, after, caller);
        return new ObligationWorklist(page.items().stream().map(seenToday()).toList(), page.next());
    }

    /** Each as it stands today: past its due date, an open one is OVERDUE even before the sweep has said so. */
    private Function<Obligation, ObligationView> seenToday() {
        LocalDate today = reading.today();
        return obligation -> ObligationView.of(obligation, today);
    }

    private static Set<ObligationStatus> statusesOf(@Nullable String status) {
        Set<ObligationStatus> statuses = EnumSet.noneOf(ObligationStatus.class);
        if (status == null || status.isBlank()) {
            return statuses;
        }
        for (String each : status.split(",")) {
            try {
                statuses.add(ObligationStatus.valueOf(each.strip()));
            } catch (IllegalArgumentException e) {
                throw RuleBroken.invalid("status", "must be DUE, BOOKED or OVERDUE");
            }
        }
        return statuses;
    }

    private static @Nullable ObligationKind kindOf(@Nullable String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return ObligationKind.valueOf(kind.strip());
        } catch (IllegalArgumentException e) {
            throw RuleBroken.invalid("kind", "must be one of " + List.of(ObligationKind.values()));
        }
    }

    @Serdeable
    @Schema(name = "PersonObligations")
    public record PersonObligations(UUID personId, List<ObligationView> obligations) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "ObligationWorklist", description = "Open obligations, soonest due first")
    public record ObligationWorklist(List<ObligationView> entries, @Nullable String next) {
    }
}
