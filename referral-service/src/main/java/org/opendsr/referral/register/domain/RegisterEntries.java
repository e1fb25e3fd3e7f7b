package org.opendsr.referral.register.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The register: every entry, open and closed. A person has at most one open entry. */
public interface RegisterEntries {

    Optional<RegisterEntry> byId(UUID registerEntryId);

    Optional<RegisterEntry> openEntryOf(UUID personId);

    /** A person's entries, oldest first. */
    List<RegisterEntry> ofPerson(UUID personId);

    /** Saves the entry as the change left it. */
    void save(RegisterChange change);
}
