package org.opendsr.referral.retention.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.opendsr.referral.retention.domain.RetentionFacts;

/** People as the retention rule sees them, and what it does to their records. */
public interface PeopleInRetention {

    /**
     * People the rule may have something to do for: not in hand and not archived whose work ended before
     * {@code archiveBefore}, not in hand whose work ended before {@code eraseBefore}, and archived people who are in
     * hand again. At most {@code limit}, oldest ended first.
     */
    List<RetentionFacts> candidates(Instant archiveBefore, Instant eraseBefore, int limit);

    /** The person's facts, their row locked until the transaction ends (nothing can be added to them meanwhile). */
    Optional<RetentionFacts> lockedFactsOf(UUID personId);

    boolean isArchived(UUID personId);

    void archive(UUID personId, Instant at);

    void bringBack(UUID personId);

    /**
     * Deletes every row referral-service holds about the person, in the caller's transaction: their identity,
     * contacts, key professionals, referrals and their details, register entries, consent standing, communication
     * preferences, notifications and what was sent, duplicate flags, identity changes, care-team rows and the kit's
     * copy of their care team. The audit trail is not touched. How many rows went.
     */
    long eraseEverythingAbout(UUID personId);
}
