package org.opendsr.contracts.meeting;

import java.time.Instant;
import java.util.UUID;

import org.opendsr.contracts.risk.ReviewType;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A review was booked against one of risk-service's obligations (a community C(E)TR, a LAEP, an inpatient C(E)TR,
 * an oversight visit...); risk-service marks the obligation booked. A rebooking has a higher sequence.
 *
 * <p>{@code dsr.meeting.review-booked.v1} on {@code dsr.meeting.events}, keyed by personId.
 */
@Serdeable
public record ReviewBooked(
        UUID bookingId,
        UUID obligationId,
        UUID personId,
        ReviewType reviewType,
        Instant startsAt,
        Instant endsAt,
        boolean urgent,
        int sequence) {
}
