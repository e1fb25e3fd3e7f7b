package org.opendsr.meeting.series.application;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.meeting.series.application.Attendees.Attendee;
import org.opendsr.meeting.series.domain.Attendance;
import org.opendsr.meeting.shared.domain.Meeting;
import org.opendsr.meeting.shared.domain.MeetingStatus;

/** Who attended a meeting, by agency and role ({@link Attendance}): recorded by the DSR team of the area or a lead. */
@Singleton
public class RecordingAttendees {

    private final MeetingDecisions decisions;
    private final Attendees attendees;
    private final Clock clock;

    RecordingAttendees(MeetingDecisions decisions, Attendees attendees, Clock clock) {
        this.decisions = decisions;
        this.attendees = attendees;
        this.clock = clock;
    }

    @Transactional
    public Attendee record(UUID meetingId, @Nullable String agency, @Nullable String role, @Nullable String subject,
                           Caller caller) {
        Meeting meeting = decisions.changeable(meetingId, caller, "attendees");
        Attendance attendance = Attendance.at(meeting.kind(), agency, role, subject);
        if (meeting.status() == MeetingStatus.CANCELLED) {
            throw RuleBroken.conflict("meeting-cancelled", "The meeting is cancelled",
                    "no one attends a cancelled meeting");
        }
        Attendee attendee = new Attendee(UUID.randomUUID(), meetingId, attendance, caller.userId(), clock.instant());
        attendees.add(attendee);
        decisions.audited(meeting, caller, "RECORD", "attendee", null,
                Map.of("attendeeId", attendee.attendeeId().toString(), "role", attendance.isProfessional()
                        ? "PROFESSIONAL" : attendance.role()));
        return attendee;
    }

    @Transactional(readOnly = true)
    public List<Attendee> of(UUID meetingId, Caller caller) {
        decisions.readable(meetingId, caller, "attendees");
        return attendees.ofMeeting(meetingId);
    }
}
