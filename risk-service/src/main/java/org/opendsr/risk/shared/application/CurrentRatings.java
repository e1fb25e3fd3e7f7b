package org.opendsr.risk.shared.application;

import java.util.Optional;
import java.util.UUID;

/** What every feature may read of a person's rating and register membership. */
public interface CurrentRatings {

    /** The current rating; empty when unrated or off the register. */
    Optional<CurrentRating> of(UUID personId);

    boolean isOnRegister(UUID personId);

    /**
     * What holds of the person on a day (child or adult, possibly under 25): the day of what is being decided, not
     * the machine's today. Empty for a person risk-service has never been told of.
     */
    Optional<PersonFacts> factsOf(UUID personId, java.time.LocalDate on);

    /**
     * Takes the person's row lock until the caller's transaction ends (there must be one), so that a change to what
     * follows a rating (an update posted, an obligation completed) happens in turn with rating changes, admissions,
     * discharges and removal, never between a rating's read and its followers' writes. Take it first, before any
     * other lock of the feature, so that every path locks in the same order.
     *
     * @return false for a person risk-service has never been told of
     */
    boolean lock(UUID personId);
}
