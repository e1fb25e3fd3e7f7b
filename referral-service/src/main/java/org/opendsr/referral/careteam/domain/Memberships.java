package org.opendsr.referral.careteam.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Every care-team membership, current and past, each saved whole. */
public interface Memberships {

    /** The person's memberships, current and past, oldest first. */
    List<Membership> ofPerson(UUID personId);

    Optional<Membership> byId(UUID membershipId);

    /** Adds a new membership or saves a changed one (ended, reviewed). */
    void save(Membership membership);

    /** Break-glass reads, newest first, after the given one (keyset), for a lead to review. */
    List<Membership> breakGlass(boolean unreviewedOnly, Instant startedBefore, UUID idBefore, int limit);
}
