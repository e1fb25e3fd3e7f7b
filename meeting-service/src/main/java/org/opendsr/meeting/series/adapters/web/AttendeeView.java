package org.opendsr.meeting.series.adapters.web;

import java.time.Instant;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import org.opendsr.meeting.series.application.Attendees.Attendee;

@Serdeable
@Schema(name = "MeetingAttendee", description = "Who attended, by agency and role; never a name")
public record AttendeeView(UUID attendeeId, UUID meetingId, @Nullable String agency, String role,
                           @Nullable String subject, Instant recordedAt) {

    static AttendeeView of(Attendee attendee) {
        return new AttendeeView(attendee.attendeeId(), attendee.meetingId(), attendee.attendance().agency(),
                attendee.attendance().role(), attendee.attendance().subject(), attendee.recordedAt());
    }
}
