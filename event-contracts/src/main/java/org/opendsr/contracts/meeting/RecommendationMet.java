package org.opendsr.contracts.meeting;

import java.time.LocalDate;
import java.util.UUID;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A recommended service is being provided.
 *
 * <p>{@code dsr.meeting.recommendation-met.v1} on {@code dsr.meeting.events}, keyed by personId.
 */
@Serdeable
public record RecommendationMet(
        UUID recommendationId,
        UUID personId,
        String serviceType,
        String area,
        LocalDate madeOn,
        LocalDate metOn) {
}
