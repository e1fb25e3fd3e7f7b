package org.opendsr.contracts.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.contracts.common.RagRating;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What a meeting decided about one person was recorded (the summary and decisions stay in meeting-service).
 *
 * <p>{@code dsr.meeting.outcome-recorded.v1} on {@code dsr.meeting.events}, keyed by personId.
 *
 * @param agreedRating the rating the meeting agreed, if it agreed one (also published as rating-agreed)
 * @param heldOn the meeting's day (Europe/London): what the meeting met is met on that day, not when it was written up
 */
@Serdeable
public record OutcomeRecorded(
        UUID outcomeId,
        UUID meetingId,
        MeetingKind meetingKind,
        UUID personId,
        String area,
        @Nullable RagRating agreedRating,
        int actionsAgreed,
        int servicesRecommended,
        LocalDate heldOn,
        Instant recordedAt) {
}
