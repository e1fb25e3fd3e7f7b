package org.opendsr.referral.rights.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.opendsr.referral.access.application.MergedRecords;
import org.opendsr.referral.rights.domain.MergeConflict;
import org.opendsr.referral.rights.domain.PersonMerge;

/**
 * Records merged into others, what moved with them, and the details left for the DSR team to settle. Every write runs
 * in the caller's transaction, so a merge is all or nothing.
 */
public interface Merges extends MergedRecords {

    /** The records merged into this one, oldest merge first. */
    List<UUID> mergedInto(UUID survivor);

    boolean hasOpenRegisterEntry(UUID personId);

    /**
     * Moves what is held under {@code from} onto {@code into}: referrals (with their assessments), register entries,
     * contacts and key professionals (after the survivor's own), care-team memberships and requests, notifications
     * and the local mailbox, outcomes to tell, keyworker suggestions, identity changes to review, admission reports,
     * objections; a consent standing, communication preferences and an open move out of area only where the survivor
     * has none (the survivor's stand); a restriction of processing always (the stricter stands); and records merged
     * into {@code from} before, which now resolve to {@code into}.
     */
    void moveRecords(UUID from, UUID into);

    /** Notes the merge, so that every read of {@code from} resolves to {@code into}. */
    void recordMerge(UUID from, UUID into, UUID flagId, Instant at, String by);

    void raiseConflicts(UUID into, UUID from, List<PersonMerge.Difference> differences, Instant at);

    /** Open possible-duplicate flags naming the person, other than {@code except}: flag id and the other person. */
    List<UUID[]> openFlagsWith(UUID personId, UUID except);

    /** The conflicts raised on the survivor's record, open first, then settled; oldest first in each. */
    List<MergeConflict> conflictsOf(UUID survivor);

    Optional<MergeConflict> conflict(UUID conflictId);

    /** Settles an open conflict; false when it was settled already (by someone else, just now). */
    boolean settle(UUID conflictId, MergeConflict.Settlement settlement, String by, Instant at);

    /** Open conflicts on the records of the people in the caller's scope, oldest first (the DSR team's worklist). */
    List<MergeConflict> openConflicts(org.opendsr.kit.access.PersonScope scope, int limit);
}
