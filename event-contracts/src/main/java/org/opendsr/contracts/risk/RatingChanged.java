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
 * <p>{@code dsr.risk.rating-changed.v1} on {@code dsr.risk.events}, published by risk-service. referral-service acts
 * on it (a keyworker referral suggested when someone under 25 is rated Red, Amber or Blue).
 *
 * @param indicative true while the rating is the referrer's (or a professional's) indicative one, not yet confirmed
 *                   by the DSR team or a meeting; absent from events published before it was added
 */
@Serdeable
public record RatingChanged(
        UUID personId,
        RagRating rating,
        @Nullable RagRating previousRating,
        LocalDate ratedOn,
        @Nullable Boolean indicative) {

    public RatingChanged(UUID personId, RagRating rating, @Nullable RagRating previousRating, LocalDate ratedOn) {
        this(personId, rating, previousRating, ratedOn, null);
    }
}
