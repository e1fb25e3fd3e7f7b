package org.opendsr.contracts.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A meeting took place; its agenda is frozen as it was.
 *
 * <p>{@code dsr.meeting.meeting-held.v1} on {@code dsr.meeting.events}, keyed by personId (an exception) or
 * meetingId (a tracking meeting).
 */
@Serdeable
public record MeetingHeld(
        UUID meetingId,
        MeetingKind kind,
        String area,
        @Nullable UUID personId,
        LocalDate heldOn,
        Instant heldAt) {
}
