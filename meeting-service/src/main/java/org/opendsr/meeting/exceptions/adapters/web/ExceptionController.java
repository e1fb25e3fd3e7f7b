package org.opendsr.meeting.exceptions.adapters.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
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
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.meeting.exceptions.application.ReadingExceptions;
import org.opendsr.meeting.exceptions.application.RequestingExceptions;
import org.opendsr.meeting.exceptions.domain.ExceptionRequest;
import org.opendsr.meeting.exceptions.domain.ExceptionStatus;
import org.opendsr.meeting.shared.adapters.web.RequestChoices;
import org.opendsr.meeting.shared.application.InvitationCalendar;

/**
 * Meetings by Exception: asked for by the person's care team, the DSR team of the area or a lead; scheduled (within
 * working hours, the lead chairing) or declined by a DSR lead; read by the care team, the DSR team and leads (404 for
 * anyone else). Once scheduled, the meeting is held or cancelled through the meeting endpoints. Analysts, admins and
 * agency systems: 403.
 */
@Controller("/meetings/exceptions")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({DsrRoles.PROFESSIONAL, DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
@Tag(name = "Meetings by Exception")
public class ExceptionController {

    private final RequestingExceptions requesting;
    private final ReadingExceptions reading;

    public ExceptionController(RequestingExceptions requesting, ReadingExceptions reading) {
        this.requesting = requesting;
        this.reading = reading;
    }

    @Post
    @Operation(summary = "Ask for a Meeting by Exception about a person, with the reason (and its text when OTHER): "
            + "their care team, the DSR team of the area or a lead")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public HttpResponse<ExceptionView> request(@Nullable @Body ExceptionRequestsBodies.Request body, Caller caller) {
        if (body == null) {
            throw RuleBroken.invalid("personId", "is required");
        }
        ExceptionRequest request = requesting.request(body.personId(), body.reason(), body.reasonText(), caller);
        return HttpResponse.status(HttpStatus.CREATED).body(view(request.id(), caller));
    }

    @Get
    @Operation(summary = "Requests about the people the caller may see, newest first, a page at a time (pass the "
            + "page's next as after for the following one)")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public ExceptionList list(
            @Parameter(description = "REQUESTED, SCHEDULED or DECLINED, or several comma-separated; all when omitted")
            @Nullable @QueryValue String status,
            @Parameter(description = "How many, 1 to 200; 50 when omitted") @Nullable @QueryValue Integer limit,
            @Parameter(description = "The next of the page before") @Nullable @QueryValue String after,
            Caller caller) {
        org.opendsr.kit.paging.WorklistPage<ReadingExceptions.Seen> page = reading.list(statusesOf(status), limit, after, caller);
        return new ExceptionList(page.items().stream().map(ExceptionView::of).toList(), page.next());
    }

    @Get("/{requestId}")
    @Operation(summary = "A request for a Meeting by Exception, with its meeting once scheduled")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public ExceptionView get(@PathVariable UUID requestId, Caller caller) {
        return ExceptionView.of(reading.request(requestId, caller));
    }

    @Post("/{requestId}/schedule")
    @Operation(summary = "Schedule it within working hours (09:00-17:00 UK time, Monday to Friday, not a bank "
            + "holiday; refused naming the time otherwise): a DSR lead only, who chairs it; publishes "
            + "meeting-scheduled and exception-invitation-requested")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public ExceptionView schedule(@PathVariable UUID requestId, @Nullable @Body ExceptionRequestsBodies.Schedule body,
                                  Caller caller) {
        if (body == null) {
            throw RuleBroken.invalid("startsAt", "is required");
        }
        requesting.schedule(requestId, body.startsAt(), body.endsAt(), body.onlineLink(), body.location(), caller);
        return view(requestId, caller);
    }

    @Put("/{requestId}/time")
    @Operation(summary = "Move the scheduled meeting, still within working hours: a DSR lead only; the invitation "
            + "goes out again with a higher sequence")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public ExceptionView reschedule(@PathVariable UUID requestId,
                                    @Nullable @Body ExceptionRequestsBodies.Schedule body, Caller caller) {
        if (body == null) {
            throw RuleBroken.invalid("startsAt", "is required");
        }
        requesting.reschedule(requestId, body.startsAt(), body.endsAt(), body.onlineLink(), body.location(), caller);
        return view(requestId, caller);
    }

    @Post("/{requestId}/decline")
    @Operation(summary = "Decline the request with a reason code: a DSR lead only")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public ExceptionView decline(@PathVariable UUID requestId, @Nullable @Body ExceptionRequestsBodies.Decline body,
                                 Caller caller) {
        requesting.decline(requestId, body == null ? null : body.reason(), caller);
        return view(requestId, caller);
    }

    @Get("/{requestId}/invitation.ics")
    @Produces(InvitationCalendar.CONTENT_TYPE)
    @Operation(summary = "The scheduled meeting as an iCalendar (RFC 5545) invitation in Europe/London time; it names "
            + "nobody; 409 until scheduled")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public HttpResponse<String> invitation(@PathVariable UUID requestId, Caller caller) {
        return HttpResponse.ok(reading.invitation(requestId, caller)).contentType(InvitationCalendar.CONTENT_TYPE);
    }

    private ExceptionView view(UUID requestId, Caller caller) {
        return ExceptionView.of(reading.request(requestId, caller));
    }

    private static Set<ExceptionStatus> statusesOf(@Nullable String status) {
        return RequestChoices.several(ExceptionStatus.class, "status", status);
    }

    @Serdeable
    @Schema(name = "MeetingsByException")
    public record ExceptionList(List<ExceptionView> entries, @Nullable String next) {
    }
}
