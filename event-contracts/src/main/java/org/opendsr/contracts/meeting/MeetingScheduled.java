package org.opendsr.contracts.meeting;

import java.time.Instant;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A meeting was scheduled or rescheduled: each change has a higher {@code sequence} (the iCalendar SEQUENCE of its
 * invitation). A tracking meeting has a series and no person; a Meeting by Exception has the person and no series.
 *
 * <p>{@code dsr.meeting.meeting-scheduled.v1} on {@code dsr.meeting.events}, keyed by personId (an exception) or
 * meetingId (a tracking meeting).
 */
@Serdeable
public record MeetingScheduled(
        UUID meetingId,
        MeetingKind kind,
        String area,
        @Nullable UUID seriesId,
        @Nullable UUID personId,
        Instant startsAt,
        Instant endsAt,
        int sequence) {
}
