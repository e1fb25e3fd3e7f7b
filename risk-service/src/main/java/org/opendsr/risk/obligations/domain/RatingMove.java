package org.opendsr.risk.obligations.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.opendsr.contracts.common.LifeStage;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.risk.shared.domain.InpatientSetting;

/**
 * A person's rating changed (or was confirmed, or their inpatient setting became known): what the obligation policy
 * needs to know of it, in the domain's own words.
 *
 * @param previous the rating before, or null for the first one
 * @param on       the England date of the change: due dates count from it
 * @param setting  where an inpatient is, or null when unknown
 */
public record RatingMove(UUID personId, RagRating rating, RagRating previous, Instant at, LocalDate on,
                         OpeningCause cause, LifeStage lifeStage, boolean under25, InpatientSetting setting) {

    public RatingMove {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(rating, "rating");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(lifeStage, "lifeStage");
        if (cause == OpeningCause.RECURRENCE) {
            throw new IllegalArgumentException("a rating move is never a recurrence");
        }
    }

    /**
     * The person moved into this rating, was admitted or discharged, or was accepted onto the register (a new time on
     * it, whatever rating they had last time); a confirmation of the same rating is not a move.
     */
    boolean entersRating() {
        return previous != rating || cause == OpeningCause.ADMISSION || cause == OpeningCause.DISCHARGE
                || cause == OpeningCause.INDICATIVE_AT_ACCEPTANCE;
    }
}
