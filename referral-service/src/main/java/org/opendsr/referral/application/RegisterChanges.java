package org.opendsr.referral.application;

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
import org.opendsr.kit.outbox.Outbox;
import org.opendsr.kit.web.RequestRefused;
import org.opendsr.referral.adapters.persistence.AdvisoryLocks;
import org.opendsr.referral.adapters.persistence.RegisterEntries;
import org.opendsr.referral.adapters.persistence.RegisterEntryRow;
import org.opendsr.referral.domain.AccessPurpose;
import org.opendsr.referral.domain.ConsentForTheRegister;
import org.opendsr.referral.domain.RegisterEntry;

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
    private final AdvisoryLocks locks;
    private final Outbox outbox;
    private final RecordAccess access;
    private final Clock clock;

    public RegisterChanges(RegisterEntries entries, AdvisoryLocks locks, Outbox outbox, RecordAccess access,
                           Clock clock) {
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
            throw RequestRefused.invalidField("reason", "removal for lapsed or withdrawn consent follows"
                    + " consent-service: record the withdrawal there");
        }
        RegisterEntry entry = lockedEntry(entryId);
        return EntryState.of(removeEntry(entry, reason, notes, caller.asActor(), purpose));
    }

    /** Removes the person's open entry, if any, in the caller's transaction (consent lapsed or withdrawn). */
    void removeOpenEntryOf(UUID personId, RemovalReason reason, Actor actor, AccessPurpose purpose) {
        locks.lockPerson(personId);
        entries.findOpenEntryOf(personId)
                .ifPresent(open -> removeEntry(open.toEntry(), reason, null, actor, purpose));
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
        if (!caller.seesEveryone() && !(responsibleThemself && change != ResponsibilityChange.ALLOCATED)) {
            if (access.mayAccess(entry.personId(), caller)) {
                throw RequestRefused.forbidden(change == ResponsibilityChange.ALLOCATED
                        ? "only the DSR team allocates a responsible professional"
                        : "only the responsible professional or the DSR team may record this");
            }
            throw RequestRefused.notFound("The register entry");
        }
        RegisterEntry changed;
        if (change == ResponsibilityChange.ALLOCATED) {
            if (professional == null || professional.isBlank()) {
                throw RequestRefused.invalidField("responsibleProfessional", "names the professional to allocate");
            }
            changed = entry.allocatedTo(professional.trim(), now);
        } else {
            changed = entry.released(change, now);
        }
        entries.update(RegisterEntryRow.of(changed, null, null));
        outbox.append("register", changed.personId(), EventTypes.REGISTER_RESPONSIBILITY_CHANGED_V1,
                new ResponsibilityChanged(changed.id(), changed.personId(), change, changed.responsibleProfessional(),
                        now));
        access.audit(changed.personId(), caller.asActor(), AuditAction.CHANGED, "register entry " + changed.id()
                + " responsibility " + change, purpose, now);
        return EntryState.of(changed);
    }

    private RegisterEntry lockedEntry(UUID entryId) {
        RegisterEntryRow found = entries.findById(entryId)
                .orElseThrow(() -> RequestRefused.notFound("The register entry"));
        locks.lockPerson(found.personId());
        return entries.findById(entryId).orElseThrow().toEntry();
    }

    private RegisterEntry removeEntry(RegisterEntry entry, RemovalReason reason, @Nullable String notes, Actor actor,
                                      AccessPurpose purpose) {
        Instant now = Now.of(clock);
        RegisterEntry removed = entry.removed(reason, now);
        entries.update(RegisterEntryRow.of(removed, actor.id(), notes));
        outbox.append("register", removed.personId(), EventTypes.REGISTER_PERSON_REMOVED_V1,
                new PersonRemovedFromRegister(removed.id(), removed.personId(), now, reason));
        access.audit(removed.personId(), actor, AuditAction.CHANGED, "register entry " + removed.id() + " removed: "
                + reason, purpose, now);
        return removed;
    }
}
