package org.opendsr.meeting.exceptions.application;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.meeting.ExceptionReason;
import org.opendsr.kit.access.CareTeams;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.calendar.WorkingDayCalendars;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.meeting.bookings.domain.Venue;
import org.opendsr.meeting.exceptions.domain.DeclineReason;
import org.opendsr.meeting.exceptions.domain.ExceptionRequest;
import org.opendsr.meeting.exceptions.domain.ExceptionTimes;
import org.opendsr.meeting.shared.application.MeetingAccess;
import org.opendsr.meeting.shared.application.MeetingChanges;
import org.opendsr.meeting.shared.application.Meetings;
import org.opendsr.meeting.shared.domain.Meeting;
import org.opendsr.meeting.shared.domain.MeetingChange;
import org.opendsr.meeting.shared.domain.WorkingHours;

/**
 * Meetings by Exception (DOMAIN.md "Meetings"): asked for by the person's care team, the DSR team of the area or a
 * lead (404 for anyone else; a break-glass reader 403); scheduled, always within working hours, by a DSR lead, who
 * chairs it (nobody names another chair), or declined by a lead with a reason. Scheduling creates the EXCEPTION
 * {@code Meeting} through {@link MeetingChanges}, so meeting-scheduled and exception-invitation-requested (the request
 * to invite the person and family, resolved to contact details only in referral-service) are published with it.
 */
@Singleton
public class RequestingExceptions {

    static final String WHAT = "meeting by exception";

    private final ExceptionRequests requests;
    private final Meetings meetings;
    private final MeetingChanges changes;
    private final MeetingAccess access;
    private final CareTeams careTeams;
    private final WorkingDayCalendars calendars;
    private final Clock clock;

    RequestingExceptions(ExceptionRequests requests, Meetings meetings, MeetingChanges changes, MeetingAccess access,
                         CareTeams careTeams, WorkingDayCalendars calendars, Clock clock) {
        this.requests = requests;
        this.meetings = meetings;
        this.changes = changes;
        this.access = access;
        this.careTeams = careTeams;
        this.calendars = calendars;
        this.clock = clock;
    }

    @Transactional
    public ExceptionRequest request(UUID personId, ExceptionReason reason, String reasonText, Caller caller) {
        if (personId == null) {
            throw RuleBroken.invalid("personId", "is required");
        }
        access.change(personId, caller, WHAT);
        String area = careTeams.of(personId).area();
        if (area == null) {
            throw RuleBroken.notFound("Person");
        }
        ExceptionRequest request = ExceptionRequest.request(UUID.randomUUID(), personId, area, reason, reasonText,
                caller.userId(), clock.instant());
        requests.save(request);
        access.audited(caller, personId, "CREATED", WHAT, null, stateOf(request));
        return request;
    }

    /** A DSR lead schedules it within working hours and chairs it. */
    @Transactional
    public ExceptionRequest schedule(UUID requestId, Instant startsAt, Instant endsAt, String onlineLink,
                                     String location, Caller caller) {
        ExceptionRequest request = lockedForALead(requestId, caller);
        Map<String, Object> before = stateOf(request);
        Venue venue = Venue.of(onlineLink, location);
        ExceptionTimes.requireSchedulable(workingHours(), startsAt, endsAt, clock.instant());
        MeetingChange.Scheduled scheduled = Meeting.exception(UUID.randomUUID(), request.area(), request.personId(),
                startsAt, endsAt, venue.onlineLink(), caller.userId());
        request.scheduled(scheduled.meeting().id(), venue.location(), caller.userId(), clock.instant());
        changes.record(scheduled);
        requests.save(request);
        access.audited(caller, request.personId(), "CHANGED", WHAT, before, stateOf(request));
        return request;
    }

    /** A DSR lead moves it: still within working hours; the invitation goes out again with a higher sequence. */
    @Transactional
    public ExceptionRequest reschedule(UUID requestId, Instant startsAt, Instant endsAt, String onlineLink,
                                       String location, Caller caller) {
        ExceptionRequest request = lockedForALead(requestId, caller);
        Map<String, Object> before = stateOf(request);
        Venue venue = Venue.of(onlineLink, location);
        request.movedTo(venue.location());
        ExceptionTimes.requireSchedulable(workingHours(), startsAt, endsAt, clock.instant());
        Meeting meeting = meetings.findForUpdate(request.meetingId()).orElseThrow(() -> RuleBroken.notFound("Meeting"));
        changes.record(meeting.reschedule(startsAt, endsAt, venue.onlineLink()));
        requests.save(request);
        access.audited(caller, request.personId(), "CHANGED", WHAT, before, stateOf(request));
        return request;
    }

    @Transactional
    public ExceptionRequest decline(UUID requestId, DeclineReason reason, Caller caller) {
        ExceptionRequest request = lockedForALead(requestId, caller);
        Map<String, Object> before = stateOf(request);
        request.decline(reason, caller.userId(), clock.instant());
        requests.save(request);
        access.audited(caller, request.personId(), "CHANGED", WHAT, before, stateOf(request));
        return request;
    }

    /**
     * The request, for a DSR lead, locked. An unknown one and one about a person the caller may not see answer the
     * same 404; anyone else who may change the person's records (their care team, the area's DSR team) gets 403:
     * a Meeting by Exception is chaired by a DSR lead.
     */
    private ExceptionRequest lockedForALead(UUID requestId, Caller caller) {
        ExceptionRequest unlocked = requests.find(requestId).orElseThrow(RequestingExceptions::unknownRequest);
        try {
            access.change(unlocked.personId(), caller, WHAT);
        } catch (RuleBroken refused) {
            throw refused.kind() == RuleBroken.Kind.NOT_FOUND ? unknownRequest() : refused;
        }
        if (!caller.hasRole(DsrRoles.DSR_LEAD)) {
            throw RuleBroken.forbidden("a Meeting by Exception is scheduled (and chaired) or declined by a DSR lead");
        }
        return requests.findForUpdate(requestId).orElseThrow(RequestingExceptions::unknownRequest);
    }

    /** Working hours by the calendar in use now (the bank holidays GOV.UK last published). */
    private WorkingHours workingHours() {
        return new WorkingHours(calendars.current());
    }

    static Map<String, Object> stateOf(ExceptionRequest request) {
        ExceptionRequest.Snapshot s = request.snapshot();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("requestId", s.id().toString());
        state.put("reason", s.reason().name());
        state.put("status", s.status().name());
        if (s.meetingId() != null) {
            state.put("meetingId", s.meetingId().toString());
        }
        if (s.declineReason() != null) {
            state.put("declineReason", s.declineReason().name());
        }
        return state;
    }

    static RuleBroken unknownRequest() {
        return RuleBroken.notFound("Meeting by Exception");
    }
}
