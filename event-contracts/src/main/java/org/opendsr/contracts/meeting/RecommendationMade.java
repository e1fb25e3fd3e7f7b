package org.opendsr.contracts.meeting;

import java.time.LocalDate;
import java.util.UUID;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A meeting recommended a service for a person, a type from the area's catalogue (e.g. INTENSIVE_SUPPORT_TEAM).
 * With met and unmet, the source of reporting's service gaps.
 *
 * <p>{@code dsr.meeting.recommendation-made.v1} on {@code dsr.meeting.events}, keyed by personId.
 */
@Serdeable
public record RecommendationMade(
        UUID recommendationId,
        UUID personId,
        UUID meetingId,
        String serviceType,
        String area,
        LocalDate madeOn) {
}
