package org.opendsr.referral.person.application;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Pairs of people who may be one person, for the DSR team to decide. */
public interface DuplicateFlags {

    /** Flags the pair unless it is flagged already (open or resolved); true when flagged now. */
    boolean flag(UUID one, UUID other, Instant at);

    /** The two people of an open flag. */
    Optional<UUID[]> openPair(UUID flagId);

    void resolve(UUID flagId, String resolution, String resolvedBy, Instant at);
}
