package org.opendsr.risk.shared.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.risk.shared.domain.RatingCause;

/**
 * A person's rating changed (or was confirmed, or their inpatient setting recorded), as every follower sees it inside
 * the transaction that changed it.
 *
 * @param on the day it took effect, in England
 */
public record RatingChange(UUID personId, RagRating rating, @Nullable RagRating previous, Instant at, LocalDate on,
                           RatingCause cause, PersonFacts person) {

    /** True when the rating is lower than before (RED > AMBER > GREEN); never true to or from BLUE. */
    public boolean isLowered() {
        return previous != null && rating != RagRating.BLUE && previous != RagRating.BLUE
                && rating.ordinal() > previous.ordinal();
    }
}
