package org.opendsr.contracts.meeting;

import java.time.Instant;
import java.util.UUID;

import org.opendsr.contracts.risk.ReviewType;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A booked review will not take place: risk-service re-opens the obligation (due, or overdue if its date passed).
 *
 * <p>{@code dsr.meeting.review-cancelled.v1} on {@code dsr.meeting.events}, keyed by personId.
 */
@Serdeable
public record ReviewCancelled(
        UUID bookingId,
        UUID obligationId,
        UUID personId,
        ReviewType reviewType,
        CancellationReason reason,
        Instant cancelledAt,
        int sequence) {
}
