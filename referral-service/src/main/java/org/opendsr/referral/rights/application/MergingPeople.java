package org.opendsr.referral.rights.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.lifecycle.PersonMerged;
import org.opendsr.contracts.lifecycle.ProcessingRestricted;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.access.PersonScope;
import org.opendsr.kit.ports.EventOutbox;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.referral.access.application.RecordAccess;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.audit.application.Actor;
import org.opendsr.referral.audit.application.AuditAction;
import org.opendsr.referral.careteam.application.KeepingCareTeams;
import org.opendsr.referral.person.application.DuplicateFlags;
import org.opendsr.referral.person.domain.People;
import org.opendsr.referral.person.domain.Person;
import org.opendsr.referral.rights.domain.MergeConflict;
import org.opendsr.referral.rights.domain.PersonMerge;
import org.opendsr.referral.shared.application.Now;
import org.opendsr.referral.shared.application.RecordLocks;

/**
 * A possible duplicate resolved as the same person: the two records become one ({@link PersonMerge} says which
 * survives), everything held under the other moves onto the survivor, the details they disagree on wait for the DSR
 * team as conflicts, and in the same transaction {@code dsr.person.merged.v1} (keyed by the merged-away id) and the
 * survivor's care team are published, so that every other service re-keys what it holds and decides need-to-know from
 * the one team. Only the DSR team of both people's areas, or a lead, may merge.
 */
@Singleton
public class MergingPeople {

    /** Which record survived, which was merged into it, and how many details wait for the DSR team. */
    public record Merged(UUID survivor, UUID mergedAway, int conflicts) {
    }

    /** What the resolution of a flag with SAME_PERSON records on it. */
    public static final String SAME_PERSON = "SAME_PERSON";
    /** Another open flag on the merged-away record: raised again on the survivor, and this one closed. */
    public static final String SUPERSEDED_BY_MERGE = "SUPERSEDED_BY_MERGE";

    private final DuplicateFlags duplicateFlags;
    private final Merges merges;
    private final ProcessingRestrictions restrictions;
    private final People people;
    private final RecordLocks locks;
    private final RecordAccess access;
    private final KeepingCareTeams careTeams;
    private final EventOutbox outbox;
    private final Clock clock;

    public MergingPeople(DuplicateFlags duplicateFlags, Merges merges, ProcessingRestrictions restrictions,
                         People people, RecordLocks locks, RecordAccess access, KeepingCareTeams careTeams,
                         EventOutbox outbox, Clock clock) {
        this.duplicateFlags = duplicateFlags;
        this.merges = merges;
        this.restrictions = restrictions;
        this.people = people;
        this.locks = locks;
        this.access = access;
        this.careTeams = careTeams;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Merged resolveAsSamePerson(UUID flagId, Caller caller, AccessPurpose purpose) {
        UUID[] pair = duplicateFlags.openPair(flagId)
                .orElseThrow(() -> RuleBroken.notFound("An open possible-duplicate flag"));
        // Each of the two people must be the caller's to manage: a merge changes both records.
        for (UUID person : pair) {
            access.requireManages(person, caller, "An open possible-duplicate flag");
        }
        // Both locked, always in the same order (the flag's), so that two merges of overlapping pairs cannot deadlock.
        locks.lockPerson(pair[0]);
        locks.lockPerson(pair[1]);
        // Read again under the locks: another merge or resolution may have won the race.
        if (duplicateFlags.openPair(flagId).isEmpty()) {
            throw RuleBroken.notFound("An open possible-duplicate flag");
        }
        Person one = people.byId(pair[0]).orElseThrow();
        Person other = people.byId(pair[1]).orElseThrow();
        PersonMerge.Outcome outcome = PersonMerge.survivorOf(
                new PersonMerge.Side(one.id(), one.createdAt(), merges.hasOpenRegisterEntry(one.id())),
                new PersonMerge.Side(other.id(), other.createdAt(), merges.hasOpenRegisterEntry(other.id())));
        Person survivor = outcome.survivor().equals(one.id()) ? one : other;
        Person mergedAway = survivor == one ? other : one;
        UUID into = survivor.id();
        UUID from = mergedAway.id();
        Instant now = Now.of(clock);

        List<PersonMerge.Difference> differences = PersonMerge.differences(survivor, mergedAway);
        // One person per NHS number: the merged-away record gives its number up (kept in a conflict if it differs).
        if (mergedAway.nhsNumber() != null) {
            mergedAway.changeIdentity(mergedAway.givenName(), mergedAway.familyName(), mergedAway.dateOfBirth(), null,
                    now);
            people.save(mergedAway);
        }
        boolean restrictedBefore = restrictions.of(into).restricted();
        merges.moveRecords(from, into);
        merges.recordMerge(from, into, flagId, now, caller.userId());
        merges.raiseConflicts(into, from, differences, now);
        // The merged-away record's other open flags are about the survivor now: raised again on it, once.
        for (UUID[] flag : merges.openFlagsWith(from, flagId)) {
            if (!flag[1].equals(into)) {
                duplicateFlags.flag(into, flag[1], now);
            }
            duplicateFlags.resolve(flag[0], SUPERSEDED_BY_MERGE, caller.userId(), now);
        }
        duplicateFlags.resolve(flagId, SAME_PERSON, caller.userId(), now);
        survivor.partChanged("merged record", now);
        people.save(survivor);

        // The survivor's team now has both records' members: written and announced whether or not the policy changed
        // anything, so that every service learns whose team the merged-away person's data now follows.
        careTeams.follow(into, caller.userId());
        careTeams.announce(into);
        outbox.append("person", from, EventTypes.PERSON_MERGED_V1, new PersonMerged(from, into, now));
        if (!restrictedBefore && restrictions.of(into).restricted()) {
            outbox.append("person", into, EventTypes.PERSON_PROCESSING_RESTRICTED_V1,
                    new ProcessingRestricted(into, true, now));
        }
        access.auditEach(List.of(
                        new RecordAccess.Audited(into, AuditAction.CHANGED, "record merged: person " + from
                                + " merged into this record, " + differences.size() + " conflicts to settle"),
                        new RecordAccess.Audited(from, AuditAction.CHANGED, "record merged into person " + into)),
                Actor.of(caller), purpose, now);
        return new Merged(into, from, differences.size());
    }

    /** The details a merge left on the person's record for the DSR team, open ones first. */
    @Transactional
    public List<MergeConflict> conflictsOf(UUID personId, Caller caller, AccessPurpose purpose) {
        UUID survivor = merges.survivorOf(personId).orElse(personId);
        access.personFor(survivor, caller);
        access.requireManages(survivor, caller, "The person");
        access.audit(survivor, Actor.of(caller), AuditAction.READ, "merge conflicts", purpose, Now.of(clock));
        return merges.conflictsOf(survivor);
    }

    /** Open conflicts on the records of the caller's people, oldest first: the DSR team's worklist. */
    @Transactional
    public List<MergeConflict> openConflicts(int limit, Caller caller, AccessPurpose purpose) {
        Instant now = Now.of(clock);
        List<MergeConflict> open = merges.openConflicts(PersonScope.of(caller, now), limit);
        access.auditAll(open.stream().map(MergeConflict::survivor).distinct().toList(), Actor.of(caller),
                AuditAction.LISTED, "merge-conflicts worklist", purpose, now);
        return open;
    }

    /** Reads a conflict of the person's record for settling it; 404 unless it is one of theirs. */
    MergeConflict openConflictFor(UUID personId, UUID conflictId, Caller caller) {
        UUID survivor = merges.survivorOf(personId).orElse(personId);
        access.personFor(survivor, caller);
        access.requireManages(survivor, caller, "The merge conflict");
        MergeConflict conflict = merges.conflict(conflictId).filter(found -> found.survivor().equals(survivor))
                .orElseThrow(() -> RuleBroken.notFound("The merge conflict"));
        if (!conflict.isOpen()) {
            throw RuleBroken.conflict("merge-conflict-settled", "Already settled",
                    "this conflict was settled already (" + conflict.settlement() + ")");
        }
        return conflict;
    }

    static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
