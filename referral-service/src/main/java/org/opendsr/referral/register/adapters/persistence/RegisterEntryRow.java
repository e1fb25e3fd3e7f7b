package org.opendsr.referral.register.adapters.persistence;

import java.time.Instant;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import org.opendsr.contracts.referral.RemovalReason;
import org.opendsr.referral.register.domain.RegisterEntry;

/** A row of {@code register_entry}. */
@MappedEntity("register_entry")
public record RegisterEntryRow(
        @Id UUID id,
        UUID personId,
        UUID referralId,
        Instant onRegisterFrom,
        @Nullable String responsibleProfessional,
        @Nullable Instant unallocatedSince,
        @Nullable Instant removedAt,
        @Nullable String removalReason,
        @Nullable String removedBy,
        @Nullable String removalNotes) {

    public static RegisterEntryRow of(RegisterEntry entry, @Nullable String removedBy, @Nullable String removalNotes) {
        return new RegisterEntryRow(entry.id(), entry.personId(), entry.referralId(), entry.onRegisterFrom(),
                entry.responsibleProfessional(), entry.unallocatedSince(), entry.removedAt(),
                entry.removalReason() == null ? null : entry.removalReason().name(), removedBy, removalNotes);
    }

    /** The removal notes are free text about a person: never printed. */
    @Override
    public String toString() {
        return "RegisterEntryRow[id=" + id + ", personId=" + personId + ", removalReason=" + removalReason
                + ", notes redacted]";
    }

    public RegisterEntry toEntry() {
        return new RegisterEntry(id, personId, referralId, onRegisterFrom, responsibleProfessional, unallocatedSince,
                removedAt, removalReason == null ? null : RemovalReason.valueOf(removalReason));
    }
}
