package org.opendsr.referral.register.application;

import org.opendsr.referral.careteam.application.KeepingCareTeams;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.referral.PersonRemovedFromRegister;
import org.opendsr.contracts.referral.RemovalReason;
import org.opendsr.contracts.referral.ResponsibilityChange;
import org.opendsr.contracts.referral.ResponsibilityChanged;
import org.opendsr.kit.ports.EventOutbox;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.referral.shared.application.RecordLocks;
import org.opendsr.referral.register.domain.RegisterChange;
import org.opendsr.referral.register.domain.RegisterEntries;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.register.domain.ConsentForTheRegister;
import org.opendsr.referral.register.domain.RegisterEntry;
import org.opendsr.referral.audit.application.Actor;
import org.opendsr.referral.audit.application.AuditAction;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.audit.AuditOutcome;
import org.opendsr.referral.lifecycle.application.FollowingConsent;
import org.opendsr.referral.shared.application.Now;
import org.opendsr.referral.access.application.RecordAccess;

/**
 * Changes to a register entry: removal with a reason, and who is responsible. Removal for lapsed or withdrawn
 * consent follows consent-service's events ({@link FollowingConsent}); the DSR team records the other reasons.
 */
@Singleton
public class RegisterChanges {

    /** A register entry after a change, without personal data. */
    @Serdeable
    public record EntryState(UUID registerEntryId, UUID personId, boolean onRegister,
                             @Nullable String responsibleProfessional, @Nullable Instant unallocatedSince,
                             @Nullable Instant removedAt, @Nullable RemovalReason removalReason) {
        static EntryState of(RegisterEntry entry) {
            return new EntryState(entry.id(), entry.personId(), entry.isOpen(), entry.responsibleProfessional(),
                    entry.unallocatedSince(), entry.removedAt(), entry.removalReason());
        }
    }

    private final RegisterEntries entries;
    private final RecordLocks locks;
    private final EventOutbox outbox;
    private final RecordAccess access;
    private final KeepingCareTeams careTeams;
    private final Clock clock;

    public RegisterChanges(RegisterEntries entries, RecordLocks locks, EventOutbox outbox, RecordAccess access,
                           KeepingCareTeams careTeams, Clock clock) {
        this.careTeams = careTeams;
        this.entries = entries;
        this.locks = locks;
        this.outbox = outbox;
        this.access = access;
        this.clock = clock;
    }

    /** The DSR team removes someone: stepped down, moved out of area, died, or another reason. */
    @Transactional
    public EntryState remove(UUID entryId, RemovalReason reason, @Nullable String notes, Caller caller,
                             AccessPurpose purpose) {
        if (ConsentForTheRegister.isDecidedByConsentService(reason)) {
            throw RuleBroken.invalid("reason", "removal for lapsed or withdrawn consent follows"
                    + " consent-service: record the withdrawal there");
        }
        RegisterEntry entry = lockedEntry(entryId);
        access.requireManages(entry.personId(), caller, "The register entry");
        return EntryState.of(removeEntry(entry, reason, notes, Actor.of(caller), purpose));
    }

    /** Removes the person's open entry, if any, in the caller's transaction (consent lapsed or withdrawn). */
    public void removeOpenEntryOf(UUID personId, RemovalReason reason, Actor actor, AccessPurpose purpose) {
        locks.lockPerson(personId);
        entries.openEntryOf(personId)
                .ifPresent(open -> removeEntry(open, reason, null, actor, purpose));
    }

    /**
     * Allocates a responsible professional (the DSR team), or records that the responsible professional discharged
     * the person or left (they themselves, or the DSR team): the entry then waits on the re-allocation worklist.
     */
    @Transactional
    public EntryState changeResponsibility(UUID entryId, ResponsibilityChange change, @Nullable String professional,
                                           Caller caller, AccessPurpose purpose) {
        Instant now = Now.of(clock);
        RegisterEntry entry = lockedEntry(entryId);
        boolean responsibleThemself = caller.userId().equals(entry.responsibleProfessional());
        if (!access.managesCareOf(entry.personId(), caller) && !(responsibleThemself && change != ResponsibilityChange.ALLOCATED)) {
            access.auditAttempt(entry.personId(), caller, "responsibility on register entry " + entryId,
                    AuditOutcome.REFUSED);
            if (access.mayAccess(entry.personId(), caller)) {
                throw RuleBroken.forbidden(change == ResponsibilityChange.ALLOCATED
                        ? "only the DSR team allocates a responsible professional"
                        : "only the responsible professional or the DSR team may record this");
            }
            throw RuleBroken.notFound("The register entry");
        }
        RegisterChange.ResponsibilityChanged responsibility = entry.changeResponsibility(change,
                change == ResponsibilityChange.ALLOCATED ? professional : null, now);
        entries.save(responsibility);
        careTeams.follow(entry.personId(), caller.userId());
        RegisterEntry changed = responsibility.entry();
        outbox.append("register", changed.personId(), EventTypes.REGISTER_RESPONSIBILITY_CHANGED_V1,
                new ResponsibilityChanged(changed.id(), changed.personId(), change, changed.responsibleProfessional(),
                        now));
        access.audit(changed.personId(), Actor.of(caller), AuditAction.CHANGED, "register entry " + changed.id()
                + " responsibility " + change, purpose, now);
        return EntryState.of(changed);
    }

    private RegisterEntry lockedEntry(UUID entryId) {
        RegisterEntry found = entries.byId(entryId)
                .orElseThrow(() -> RuleBroken.notFound("The register entry"));
        locks.lockPerson(found.personId());
        return entries.byId(entryId).orElseThrow();
    }

    private RegisterEntry removeEntry(RegisterEntry entry, RemovalReason reason, @Nullable String notes, Actor actor,
                                      AccessPurpose purpose) {
        Instant now = Now.of(clock);
        RegisterChange.Removed removal = entry.remove(reason, actor.id(), notes, now);
        entries.save(removal);
        careTeams.follow(entry.personId(), actor.id());
        RegisterEntry removed = removal.entry();
        outbox.append("register", removed.personId(), EventTypes.REGISTER_PERSON_REMOVED_V1,
                new PersonRemovedFromRegister(removed.id(), removed.personId(), now, reason));
        access.audit(removed.personId(), actor, AuditAction.CHANGED, "register entry " + removed.id() + " removed: "
                + reason, purpose, now);
        return removed;
    }
}
