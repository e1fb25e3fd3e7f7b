package org.opendsr.consent.application;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.opendsr.consent.domain.KnownPerson;

/** The people consent-service knows of from their referrals (a port). */
public interface KnownPeople {

    Optional<KnownPerson> find(UUID personId);

    /** The person, locked for update until the transaction ends. */
    Optional<KnownPerson> findForUpdate(UUID personId);

    void add(KnownPerson person, Instant referredAt);

    void update(KnownPerson person, Instant referredAt);

    /** People whose consent no one needs to follow any more. */
    Set<UUID> notFollowed();
}
