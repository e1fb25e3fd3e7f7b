package org.opendsr.referral.register.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.opendsr.contracts.referral.RemovalReason;
import org.opendsr.contracts.referral.ResponsibilityChange;
import org.opendsr.kit.rules.RuleBroken;

/**
 * A person's time on the register: from the acceptance of a referral until removal with a reason. A person has at
 * most one open entry; a re-referral after removal is a new referral and, if accepted, a new entry.
 *
 * <p>The referrer stays responsible for keeping the details and the RAG current. When the responsible professional
 * discharges the person or leaves, the entry is unallocated until the DSR team allocates someone: a problem to
 * surface, not to hide.
 */
public record RegisterEntry(UUID id, UUID personId, UUID referralId, Instant onRegisterFrom,
                            String responsibleProfessional, Instant unallocatedSince,
                            Instant removedAt, RemovalReason removalReason) {

    public RegisterEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(onRegisterFrom, "onRegisterFrom");
    }

    /**
     * On the register from acceptance, with the responsible professional if one is named (otherwise unallocated from
     * the start). A person has at most one open entry, so the person's open entry, if any, refuses a second.
     */
    public static RegisterChange.Opened open(UUID id, UUID personId, UUID referralId, Instant acceptedAt,
                                             String responsibleProfessional,
                                             Optional<RegisterEntry> openEntryOfPerson) {
        openEntryOfPerson.ifPresent(open -> {
            throw RuleBroken.conflict("already-on-register", "The person is already on the register",
                    "a person has at most one open register entry (registerEntryId " + open.id()
                            + "); decline or withdraw this referral instead");
        });
        return new RegisterChange.Opened(new RegisterEntry(id, personId, referralId, acceptedAt,
                responsibleProfessional, responsibleProfessional == null ? acceptedAt : null, null, null));
    }

    public boolean isOpen() {
        return removedAt == null;
    }

    public boolean isAllocated() {
        return responsibleProfessional != null;
    }

    private RegisterEntry removed(RemovalReason reason, Instant at) {
        Objects.requireNonNull(reason, "reason");
        checkOpen();
        return new RegisterEntry(id, personId, referralId, onRegisterFrom, responsibleProfessional, unallocatedSince,
                at, reason);
    }

    private RegisterEntry allocatedTo(String professional, Instant at) {
        Objects.requireNonNull(professional, "professional");
        checkOpen();
        if (professional.equals(responsibleProfessional)) {
            throw RuleBroken.conflict("already-responsible", "Already the responsible professional",
                    "this professional is already responsible for the register entry");
        }
        return new RegisterEntry(id, personId, referralId, onRegisterFrom, professional, null, removedAt, removalReason);
    }

    /** The responsible professional discharged the person or left: the entry waits for re-allocation. */
    private RegisterEntry released(ResponsibilityChange change, Instant at) {
        if (change == ResponsibilityChange.ALLOCATED) {
            throw new IllegalArgumentException("allocation names a professional: use allocatedTo");
        }
        checkOpen();
        if (!isAllocated()) {
            throw RuleBroken.conflict("not-allocated", "No responsible professional to release",
                    "the register entry has no responsible professional; it is on the re-allocation worklist");
        }
        return new RegisterEntry(id, personId, referralId, onRegisterFrom, null, at, removedAt, removalReason);
    }

    /** Removes the person from the register, by whom and with notes for the record. */
    public RegisterChange.Removed remove(RemovalReason reason, String by, String notes, Instant at) {
        return new RegisterChange.Removed(removed(reason, at), by, notes);
    }

    /**
     * Allocates a responsible professional (named, not blank: trimmed), or records that they discharged the person or
     * left (no professional named: any given is ignored).
     */
    public RegisterChange.ResponsibilityChanged changeResponsibility(ResponsibilityChange change, String professional,
                                                                     Instant at) {
        Objects.requireNonNull(change, "change");
        RegisterEntry changed;
        if (change == ResponsibilityChange.ALLOCATED) {
            if (professional == null || professional.isBlank()) {
                throw RuleBroken.invalid("responsibleProfessional", "names the professional to allocate");
            }
            changed = allocatedTo(professional.trim(), at);
        } else {
            changed = released(change, at);
        }
        return new RegisterChange.ResponsibilityChanged(changed, change);
    }

    private void checkOpen() {
        if (!isOpen()) {
            throw RuleBroken.conflict("register-entry-closed", "The person has left the register",
                    "the register entry was closed (" + removalReason + "); a later need is a new referral");
        }
    }
}
