package org.opendsr.contracts.meeting;

import java.time.LocalDate;
import java.util.UUID;

import org.opendsr.contracts.risk.ReviewType;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A booked review took place: risk-service completes the obligation it was booked against.
 *
 * <p>{@code dsr.meeting.review-held.v1} on {@code dsr.meeting.events}, keyed by personId.
 */
@Serdeable
public record ReviewHeld(
        UUID bookingId,
        UUID obligationId,
        UUID personId,
        ReviewType reviewType,
        LocalDate heldOn) {
}
