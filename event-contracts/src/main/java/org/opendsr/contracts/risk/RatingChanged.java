package org.opendsr.contracts.risk;

import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.opendsr.contracts.common.RagRating;

/**
 * A person's admission-risk rating was set or changed (RAG, or BLUE while an inpatient). The first rating has no
 * previous one. Carries no reason text: why a rating changed stays in risk-service, which holds the discussion.
 *
 * <p>{@code dsr.risk.rating-changed.v1} on {@code dsr.risk.events}. Defined ahead of risk-service's rating capability
 * so that referral-service can already act on it (a keyworker referral suggested when someone under 25 is rated Red,
 * Amber or Blue); risk-service publishes it from that issue on, adding fields only compatibly.
 */
@Serdeable
public record RatingChanged(
        UUID personId,
        RagRating rating,
        @Nullable RagRating previousRating,
        LocalDate ratedOn) {
}
