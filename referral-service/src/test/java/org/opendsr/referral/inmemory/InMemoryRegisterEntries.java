package org.opendsr.referral.inmemory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.opendsr.referral.register.domain.RegisterChange;
import org.opendsr.referral.register.domain.RegisterEntries;
import org.opendsr.referral.register.domain.RegisterEntry;

/** The register in memory, with every change saved kept in order. */
public class InMemoryRegisterEntries implements RegisterEntries {

    private final Map<UUID, RegisterEntry> saved = new LinkedHashMap<>();
    private final List<RegisterChange> changes = new ArrayList<>();

    @Override
    public Optional<RegisterEntry> byId(UUID registerEntryId) {
        return Optional.ofNullable(saved.get(registerEntryId));
    }

    @Override
    public Optional<RegisterEntry> openEntryOf(UUID personId) {
        return saved.values().stream().filter(entry -> entry.personId().equals(personId) && entry.isOpen())
                .findFirst();
    }

    @Override
    public List<RegisterEntry> ofPerson(UUID personId) {
        return saved.values().stream().filter(entry -> entry.personId().equals(personId))
                .sorted(Comparator.comparing(RegisterEntry::onRegisterFrom)).toList();
    }

    @Override
    public void save(RegisterChange change) {
        if (change instanceof RegisterChange.Opened && openEntryOf(change.personId()).isPresent()) {
            throw new IllegalStateException("unique index: a second open entry for one person");
        }
        saved.put(change.entry().id(), change.entry());
        changes.add(change);
    }

    public List<RegisterChange> changes() {
        return List.copyOf(changes);
    }
}
