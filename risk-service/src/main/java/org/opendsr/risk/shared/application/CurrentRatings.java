package org.opendsr.risk.shared.application;

import java.util.Optional;
import java.util.UUID;

/** What every feature may read of a person's rating and register membership. */
public interface CurrentRatings {

    /** The current rating; empty when unrated or off the register. */
    Optional<CurrentRating> of(UUID personId);

    boolean isOnRegister(UUID personId);

    /** Empty for a person risk-service has never been told of. */
    Optional<PersonFacts> factsOf(UUID personId);
}
