package org.opendsr.referral.lifecycle.domain;

import java.util.Optional;
import java.util.UUID;

/** Each person's consent standing, from consent-service's events. */
public interface ConsentStandings {

    Optional<ConsentStanding> of(UUID personId);

    /** Replaces the standing held for the person, if any. */
    void keep(ConsentStanding standing);
}
