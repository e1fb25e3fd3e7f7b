package org.opendsr.risk.shared.application;

import java.time.Instant;
import java.util.UUID;

/**
 * What must follow a rating in the same transaction: the updates box cadence, what the rating obliges. Called by the
 * rating use cases for every change, confirmation and setting recorded, and when the person leaves the register; a
 * follower that fails rolls the rating back with it, so the rating and what it obliges never disagree.
 */
public interface RatingFollower {

    void ratingChanged(RatingChange change);

    /** The person left the register: their rating is closed. */
    default void leftRegister(UUID personId, Instant at) {
    }
}
