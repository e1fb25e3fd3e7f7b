package org.opendsr.meeting.series.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.opendsr.meeting.series.domain.Attendance;

/** Who attended which meeting (by agency and role), in PostgreSQL. */
public interface Attendees {

    record Attendee(UUID attendeeId, UUID meetingId, Attendance attendance, String recordedBy, Instant recordedAt) {
    }

    void add(Attendee attendee);

    /** In the order recorded. */
    List<Attendee> ofMeeting(UUID meetingId);
}
