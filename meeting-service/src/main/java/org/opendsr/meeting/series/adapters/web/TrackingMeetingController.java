package org.opendsr.meeting.series.adapters.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
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
import org.opendsr.contracts.meeting.CancellationReason;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.meeting.series.application.ChangingMeetings;
import org.opendsr.meeting.series.application.ReadingMeetings;
import org.opendsr.meeting.series.application.RecordingAttendees;
import org.opendsr.meeting.shared.application.InvitationCalendar;

/**
 * Meetings: an area's list, one meeting, who attended, holding, cancelling, moving one, and its calendar invitation.
 * Tracking meetings are the DSR team of their area's and the leads'; a Meeting by Exception may also be read by the
 * person's care team. Analysts, admins and agency systems: 403.
 */
@Controller("/meetings")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
@Tag(name = "Tracking meetings")
public class TrackingMeetingController {

    private final ReadingMeetings reading;
    private final ChangingMeetings changing;
    private final RecordingAttendees attendees;

    public TrackingMeetingController(ReadingMeetings reading, ChangingMeetings changing,
                                     RecordingAttendees attendees) {
        this.reading = reading;
        this.changing = changing;
        this.attendees = attendees;
    }

    @Get
    @Operation(summary = "Meetings of an area (or of every area the caller works in; a lead's: every area) from "
            + "from to to (UK dates, both included; today and 8 weeks on by default), earliest first")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public MeetingList list(@Nullable @QueryValue String area,
                            @Parameter(description = "yyyy-MM-dd") @Nullable @QueryValue String from,
                            @Parameter(description = "yyyy-MM-dd") @Nullable @QueryValue String to,
                            Caller caller) {
        return new MeetingList(reading.inArea(area, Fields.date(from, "from"), Fields.date(to, "to"), caller)
                .stream().map(MeetingView::of).toList());
    }

    @Get("/{meetingId}")
    @Secured({DsrRoles.PROFESSIONAL, DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(summary = "One meeting (a Meeting by Exception also for the person's care team); movedFrom names the "
            + "bank holiday a tracking meeting was moved off")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public MeetingView one(@PathVariable UUID meetingId, Caller caller) {
        return MeetingView.of(reading.one(meetingId, caller));
    }

    @Get(value = "/{meetingId}/invitation.ics")
    @Produces(InvitationCalendar.CONTENT_TYPE)
    @Secured({DsrRoles.PROFESSIONAL, DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(summary = "The meeting's calendar invitation (RFC 5545): the same UID for the life of the meeting, a "
            + "higher SEQUENCE after each change, METHOD:CANCEL once cancelled; no names")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public HttpResponse<String> invitation(@PathVariable UUID meetingId, Caller caller) {
        return HttpResponse.ok(reading.invitation(meetingId, caller))
                .contentType(MediaType.of(InvitationCalendar.CONTENT_TYPE + ";charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"meeting-" + meetingId + ".ics\"");
    }

    @Post("/{meetingId}/attendees")
    @Operation(summary = "Record who attended, by agency and role (never a name): professionals only at tracking "
            + "meetings; the person and family as PERSON or FAMILY_MEMBER at a Meeting by Exception")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public HttpResponse<AttendeeView> attend(@PathVariable UUID meetingId,
                                             @Nullable @Body MeetingRequests.AttendeeRequest request, Caller caller) {
        if (request == null) {
            throw RuleBroken.invalid("role", "is required");
        }
        return HttpResponse.created(AttendeeView.of(attendees.record(meetingId, request.agency(), request.role(),
                request.subject(), caller)));
    }

    @Get("/{meetingId}/attendees")
    @Secured({DsrRoles.PROFESSIONAL, DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD})
    @Operation(summary = "Who attended, in the order recorded")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public AttendeeList attendees(@PathVariable UUID meetingId, Caller caller) {
        return new AttendeeList(attendees.of(meetingId, caller).stream().map(AttendeeView::of).toList());
    }

    @Post("/{meetingId}/held")
    @Operation(summary = "The meeting took place (not before it started): its agenda freezes as it was")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public MeetingView held(@PathVariable UUID meetingId, Caller caller) {
        return MeetingView.of(changing.hold(meetingId, caller));
    }

    @Post("/{meetingId}/cancellation")
    @Operation(summary = "The meeting will not take place: its invitation becomes a cancellation")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public MeetingView cancel(@PathVariable UUID meetingId, @Nullable @Body MeetingRequests.Cancellation request,
                              Caller caller) {
        if (request == null || request.reason() == null) {
            throw RuleBroken.invalid("reason", "is required");
        }
        CancellationReason reason = Fields.choice(CancellationReason.class, request.reason(), "reason");
        return MeetingView.of(changing.cancel(meetingId, reason, request.note(), caller));
    }

    @Put("/{meetingId}/time")
    @Operation(summary = "Move this one meeting (UK local date and time); the series' other meetings stay")
    @Parameter(in = ParameterIn.HEADER, name = Caller.PURPOSE_HEADER, schema = @Schema(type = "string"))
    public MeetingView reschedule(@PathVariable UUID meetingId, @Nullable @Body MeetingRequests.NewTime request,
                                  Caller caller) {
        if (request == null) {
            throw RuleBroken.invalid("date", "is required");
        }
        LocalDate date = Fields.required(Fields.date(request.date(), "date"), "date");
        LocalTime time = Fields.required(Fields.time(request.startTime(), "startTime"), "startTime");
        return MeetingView.of(changing.reschedule(meetingId, date, time, request.durationMinutes(),
                request.onlineLink(), caller));
    }

    @Serdeable
    @Schema(name = "MeetingList")
    public record MeetingList(List<MeetingView> meetings) {
    }

    @Serdeable
    @Schema(name = "MeetingAttendeeList")
    public record AttendeeList(List<AttendeeView> attendees) {
    }
}
