package org.opendsr.contracts.meeting;

import java.time.LocalDate;
import java.util.UUID;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A recommended service could not be provided: a service gap, with its shape as a code.
 *
 * <p>{@code dsr.meeting.recommendation-unmet.v1} on {@code dsr.meeting.events}, keyed by personId.
 */
@Serdeable
public record RecommendationUnmet(
        UUID recommendationId,
        UUID personId,
        String serviceType,
        String area,
        LocalDate madeOn,
        LocalDate recordedOn,
        UnmetReason reason) {
}
