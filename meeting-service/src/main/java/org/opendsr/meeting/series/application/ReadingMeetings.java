package org.opendsr.meeting.series.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.meeting.MeetingKind;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.kit.time.DsrClock;
import org.opendsr.meeting.shared.application.ExceptionInvitations;
import org.opendsr.meeting.shared.application.Invitation;
import org.opendsr.meeting.shared.application.InvitationCalendar;
import org.opendsr.meeting.shared.application.MeetingAccess;
import org.opendsr.meeting.shared.application.Meetings;
import org.opendsr.meeting.shared.domain.Meeting;
import org.opendsr.meeting.shared.domain.MeetingStatus;
import org.opendsr.meeting.shared.domain.PlanningHorizon;

/**
 * Meetings as the DSR team sees them: an area's meetings in a date range (the caller's own areas only; a lead's
 * any), one meeting, and its calendar invitation. Every read audited.
 */
@Singleton
public class ReadingMeetings {

    static final int MOST = 500;
    static final int LONGEST_RANGE_DAYS = 366;
    /** Nothing in the DSR is older: an earlier year is a typing error (and beyond what the tables hold). */
    static final int EARLIEST_YEAR = 2000;

    /** A meeting with what its series says about it: the bank holiday it was moved off, if any. */
    public record SeenMeeting(Meeting meeting, @Nullable LocalDate movedFrom) {
    }

    private final Meetings meetings;
    private final PlannedDays plannedDays;
    private final MeetingDecisions decisions;
    private final MeetingAccess access;
    private final InvitationCalendar calendar;
    private final Clock clock;
    private final ExceptionInvitations exceptionInvitations;

    ReadingMeetings(Meetings meetings, PlannedDays plannedDays, MeetingDecisions decisions, MeetingAccess access,
                    InvitationCalendar calendar, Clock clock, ExceptionInvitations exceptionInvitations) {
        this.exceptionInvitations = exceptionInvitations;
        this.meetings = meetings;
        this.plannedDays = plannedDays;
        this.decisions = decisions;
        this.access = access;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** From {@code from} (today when omitted) to {@code to} (8 weeks on when omitted), both days included. */
    @Transactional(readOnly = true)
    public List<SeenMeeting> inArea(@Nullable String area, @Nullable LocalDate from, @Nullable LocalDate to,
                                    Caller caller) {
        LocalDate today = LocalDate.now(clock.withZone(DsrClock.ENGLAND));
        PlanningHorizon.requireWithin("from", from, today);
        PlanningHorizon.requireWithin("to", to, today);
        if (from != null && from.getYear() < EARLIEST_YEAR) {
            throw RuleBroken.invalid("from", "must be in " + EARLIEST_YEAR + " or later");
        }
        LocalDate first = from != null ? from : today;
        LocalDate last = to != null ? to : first.plusWeeks(8);
        if (last.isBefore(first)) {
            throw RuleBroken.invalid("to", "must be on or after from");
        }
        if (ChronoUnit.DAYS.between(first, last) > LONGEST_RANGE_DAYS) {
            throw RuleBroken.invalid("to", "must be at most a year after from");
        }
        Collection<String> areas;
        if (area != null && !area.isBlank()) {
            access.requireAreaTeam(area.strip(), caller, "meetings of an area");
            areas = List.of(area.strip());
        } else if (caller.hasRole(DsrRoles.DSR_LEAD)) {
            areas = null; // a lead's: every area's meetings, Meetings by Exception included
        } else {
            areas = caller.areas();
        }
        access.listRead(caller, "meetings area=" + (areas == null ? "every area" : String.join(",", areas))
                + " from=" + first + " to=" + last);
        Instant start = first.atStartOfDay(DsrClock.ENGLAND).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(DsrClock.ENGLAND).toInstant();
        return meetings.inAreas(areas, start, end, MOST).stream().map(this::seen).toList();
    }

    @Transactional(readOnly = true)
    public SeenMeeting one(UUID meetingId, Caller caller) {
        return seen(decisions.readable(meetingId, caller, "meeting"));
    }

    /** The meeting's invitation as iCalendar text: a cancelled meeting's is its cancellation. */
    @Transactional(readOnly = true)
    public String invitation(UUID meetingId, Caller caller) {
        Meeting meeting = decisions.readable(meetingId, caller, "invitation");
        return calendar.render(invitationOf(meeting));
    }

    /** A tracking meeting's invitation; a Meeting by Exception's is the one {@link ExceptionInvitations} builds. */
    Invitation invitationOf(Meeting meeting) {
        if (meeting.kind() == MeetingKind.EXCEPTION) {
            return exceptionInvitations.of(meeting);
        }
        // Never a name: the invitation leaves the DSR (phones, mail servers).
        return new Invitation(meeting.id() + "@dsr.opendsr.org", "DSR tracking meeting (" + meeting.area() + ")",
                "The " + meeting.area() + " Dynamic Support Register tracking meeting. Professionals only: the "
                        + "agenda is in the DSR.", meeting.startsAt(), meeting.endsAt(), meeting.onlineLink(),
                meeting.sequence(), meeting.status() == MeetingStatus.CANCELLED);
    }

    private SeenMeeting seen(Meeting meeting) {
        if (meeting.seriesId() == null) {
            return new SeenMeeting(meeting, null);
        }
        Optional<PlannedDays.PlannedDay> day = plannedDays.ofMeeting(meeting.id());
        LocalDate movedFrom = day.filter(d -> !d.movedByHand() && !d.plannedOn().equals(meeting.day()))
                .map(PlannedDays.PlannedDay::plannedOn).orElse(null);
        return new SeenMeeting(meeting, movedFrom);
    }
}
