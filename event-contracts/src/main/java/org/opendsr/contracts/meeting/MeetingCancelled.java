package org.opendsr.contracts.meeting;

import java.time.Instant;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A meeting will not take place (its invitation is cancelled with a higher sequence). Any detail of why stays in
 * meeting-service.
 *
 * <p>{@code dsr.meeting.meeting-cancelled.v1} on {@code dsr.meeting.events}, keyed by personId (an exception) or
 * meetingId (a tracking meeting).
 */
@Serdeable
public record MeetingCancelled(
        UUID meetingId,
        MeetingKind kind,
        String area,
        @Nullable UUID personId,
        CancellationReason reason,
        Instant cancelledAt,
        int sequence) {
}
