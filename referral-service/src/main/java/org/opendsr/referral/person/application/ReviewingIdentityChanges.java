package org.opendsr.referral.person.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.access.PersonScope;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.referral.access.application.RecordAccess;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.audit.application.Actor;
import org.opendsr.referral.audit.application.AuditAction;
import org.opendsr.referral.person.domain.NhsNumber;
import org.opendsr.referral.person.domain.People;
import org.opendsr.referral.person.domain.Person;
import org.opendsr.referral.shared.application.Now;
import org.opendsr.referral.shared.application.RecordLocks;

/**
 * A professional's change of a person's name, date of birth or NHS number is held for the DSR team, who apply or
 * reject it from their worklist. Always held, whether or not the NHS number is someone else's, and answered the same
 * either way: a professional who could try numbers and see which ones are refused would learn who the DSR knows
 * (issue 11, finding 2). The DSR team and leads change identities directly ({@link UpdatingPersonRecords#identity})
 * and are told of a colliding number there: they work the register, resolve exactly these collisions, and every
 * attempt they make is on the person's audit trail.
 */
@Singleton
public class ReviewingIdentityChanges {

    public static final String APPLIED = "APPLIED";
    public static final String REJECTED = "REJECTED";

    /** What the DSR team's worklist shows of one held change: the change and whose number it would collide with. */
    public record ChangeToReview(IdentityChangesToReview.HeldChange change, Person person,
                                 @Nullable UUID nhsNumberHeldBy) {
        @Override
        public String toString() {
            return "ChangeToReview[id=" + change.id() + ", personal data redacted]";
        }
    }

    private final IdentityChangesToReview held;
    private final People people;
    private final PersonRecords personRecords;
    private final RecordLocks locks;
    private final RecordAccess access;
    private final Clock clock;

    public ReviewingIdentityChanges(IdentityChangesToReview held, People people, PersonRecords personRecords,
                                    RecordLocks locks, RecordAccess access, Clock clock) {
        this.held = held;
        this.people = people;
        this.personRecords = personRecords;
        this.locks = locks;
        this.access = access;
        this.clock = clock;
    }

    /**
     * Holds the change for the DSR team (404 as for anyone unknown if the caller may not see the person). Nothing of
     * the record changes, and the answer never depends on the NHS number; the person's audit trail shows the request.
     */
    @Transactional
    public UUID hold(UUID personId, UpdatingPersonRecords.Identity identity, Caller caller, AccessPurpose purpose) {
        Instant now = Now.of(clock);
        access.personFor(personId, caller);
        UUID changeId = UUID.randomUUID();
        held.hold(new IdentityChangesToReview.HeldChange(changeId, personId, identity.givenName().trim(),
                identity.familyName().trim(), identity.dateOfBirth(),
                Optional.ofNullable(identity.nhsNumber()).map(NhsNumber::digits).orElse(null), caller.userId(), now));
        access.audit(personId, Actor.of(caller), AuditAction.CHANGED,
                "identity: change " + changeId + " held for the DSR team to review", purpose, now);
        return changeId;
    }

    /** Open changes, oldest first, for the DSR team (each shown person's read is audited). */
    @Transactional
    public List<ChangeToReview> open(@Nullable UUID after, int size, Caller caller, AccessPurpose purpose) {
        List<ChangeToReview> changes = new ArrayList<>();
        List<RecordAccess.Audited> audited = new ArrayList<>();
        for (IdentityChangesToReview.HeldChange change : held.oldestOpen(after, size,
                PersonScope.of(caller, Now.of(clock)))) {
            Person person = people.byId(change.personId()).orElseThrow();
            // Who holds the number is named only to a caller who manages that person's care too.
            UUID holder = change.nhsNumber() == null ? null : people.byNhsNumber(change.nhsNumber())
                    .map(Person::id).filter(other -> !other.equals(change.personId()))
                    .filter(other -> access.managesCareOf(other, caller)).orElse(null);
            changes.add(new ChangeToReview(change, person, holder));
            audited.add(new RecordAccess.Audited(change.personId(), AuditAction.READ,
                    "identity change " + change.id() + " on the DSR team's worklist"));
        }
        if (!audited.isEmpty()) {
            access.auditEach(audited, Actor.of(caller), purpose, Now.of(clock));
        }
        return changes;
    }

    /**
     * Applies a held change as the DSR team would make it themselves: refused with 409 if the NHS number is someone
     * else's now (the team then resolves the pair, or rejects the change).
     */
    @Transactional
    public void apply(UUID changeId, Caller caller, AccessPurpose purpose) {
        Instant now = Now.of(clock);
        IdentityChangesToReview.HeldChange change = held.open(changeId)
                .orElseThrow(() -> RuleBroken.notFound("The identity change"));
        // Locks in the one order (NHS number, person, date of birth), then reads the change again once locked.
        if (change.nhsNumber() != null) {
            locks.lockIdentity(change.nhsNumber());
        }
        locks.lockPerson(change.personId());
        change = held.open(changeId).orElseThrow(() -> RuleBroken.notFound("The identity change"));
        Person person = access.personFor(change.personId(), caller);
        UUID personId = person.id();
        if (change.nhsNumber() != null) {
            people.byNhsNumber(change.nhsNumber()).filter(other -> !other.id().equals(personId)).ifPresent(other -> {
                throw RuleBroken.conflict("nhs-number-belongs-to-another-person", "Someone else has this NHS number",
                        "nhsNumber", "person " + other.id() + " holds this NHS number: resolve the two records, or"
                                + " reject this change");
            });
        }
        person.changeIdentity(change.givenName(), change.familyName(), change.dateOfBirth(), change.nhsNumber(), now);
        people.save(person);
        held.resolve(changeId, APPLIED, null, caller.userId(), now);
        personRecords.flagPossibleDuplicates(person);
        access.audit(personId, Actor.of(caller), AuditAction.CHANGED,
                "identity: held change " + changeId + " applied", purpose, now);
    }

    /** Rejects a held change with the DSR team's reason; the record stays as it is. */
    @Transactional
    public void reject(UUID changeId, String reason, Caller caller, AccessPurpose purpose) {
        Instant now = Now.of(clock);
        IdentityChangesToReview.HeldChange change = held.open(changeId)
                .orElseThrow(() -> RuleBroken.notFound("The identity change"));
        locks.lockPerson(change.personId());
        change = held.open(changeId).orElseThrow(() -> RuleBroken.notFound("The identity change"));
        access.personFor(change.personId(), caller);
        held.resolve(changeId, REJECTED, reason.trim(), caller.userId(), now);
        // The reason is free text and may name people: it stays in the change's row, not in the audit's words.
        access.audit(change.personId(), Actor.of(caller), AuditAction.CHANGED,
                "identity: held change " + changeId + " rejected", purpose, now);
    }
}
