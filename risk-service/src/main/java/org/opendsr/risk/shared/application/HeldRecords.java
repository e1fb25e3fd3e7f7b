package org.opendsr.risk.shared.application;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Everything risk-service holds under a personId, as a whole (a port: the persistence adapter implements it). */
public interface HeldRecords {

    /**
     * Deletes every row about the person: their rating and its history, tool assessments, updates and their schedule,
     * obligations and admission status. Returns how many rows went. Locks the person's rating first, as rating does.
     */
    long eraseAllOf(UUID personId);

    /**
     * Since when the person's current rating holds, if they have one. Locks the person's rating until the transaction
     * ends, as rating does, so that nobody rates either record while they are merged.
     */
    Optional<Instant> currentRatingSince(UUID personId);

    /**
     * Re-keys every row of {@code from} to {@code into} (obligations held twice are closed by then).
     *
     * @param duplicatesRatingStands the duplicate's current rating (and its update schedule) becomes the survivor's
     * @param now                    the instant of the merge
     */
    void moveAll(UUID from, UUID into, boolean duplicatesRatingStands, Instant now);
}
