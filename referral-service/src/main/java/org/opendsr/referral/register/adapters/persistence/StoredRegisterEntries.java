package org.opendsr.referral.register.adapters.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.opendsr.referral.register.domain.RegisterChange;
import org.opendsr.referral.register.domain.RegisterEntries;
import org.opendsr.referral.register.domain.RegisterEntry;

/** Register entries in PostgreSQL, one {@code register_entry} row each, written whole. */
@Singleton
class StoredRegisterEntries implements RegisterEntries {

    private final RegisterEntryRows rows;

    StoredRegisterEntries(RegisterEntryRows rows) {
        this.rows = rows;
    }

    @Override
    public Optional<RegisterEntry> byId(UUID registerEntryId) {
        return rows.findById(registerEntryId).map(RegisterEntryRow::toEntry);
    }

    @Override
    public Optional<RegisterEntry> openEntryOf(UUID personId) {
        return rows.findOpenEntryOf(personId).map(RegisterEntryRow::toEntry);
    }

    @Override
    public List<RegisterEntry> ofPerson(UUID personId) {
        return rows.findByPersonIdOrderByOnRegisterFrom(personId).stream().map(RegisterEntryRow::toEntry).toList();
    }

    @Override
    public void save(RegisterChange change) {
        if (change instanceof RegisterChange.Opened opened) {
            rows.save(RegisterEntryRow.of(opened.entry(), null, null));
        } else if (change instanceof RegisterChange.Removed removed) {
            rows.update(RegisterEntryRow.of(removed.entry(), removed.removedBy(), removed.notes()));
        } else {
            rows.update(RegisterEntryRow.of(change.entry(), null, null));
        }
    }
}
