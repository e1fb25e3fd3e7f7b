package org.opendsr.referral.access.application;

import java.util.Optional;
import java.util.UUID;

/**
 * Records merged into another (a possible duplicate resolved as the same person): whose record a merged-away
 * personId now is. Every need-to-know decision about a merged-away id is the survivor's.
 */
@FunctionalInterface
public interface MergedRecords {

    /** No record was ever merged. */
    MergedRecords NONE = personId -> Optional.empty();

    /** The survivor a merged-away person now lives on; empty for a record not merged away. */
    Optional<UUID> survivorOf(UUID personId);

    /** The record the id stands for now: the survivor's if it was merged away, else itself. */
    default UUID current(UUID personId) {
        return survivorOf(personId).orElse(personId);
    }
}
