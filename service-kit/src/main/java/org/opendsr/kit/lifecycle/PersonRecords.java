package org.opendsr.kit.lifecycle;

import java.util.UUID;

/**
 * What one service holds under a personId, erased or moved as a whole (a port each service implements over its own
 * tables; the kit's own rows are {@link KitPersonRecords}'). Both run inside the inbound event's transaction, with
 * {@link PersonLifecycle#LIFECYCLE_SETTING} on, so that a table's append-only or frozen guard may let an erasure or a
 * merge through while still refusing every other change.
 */
public interface PersonRecords {

    /**
     * Deletes or anonymises every row about the person, and only about them (a meeting shared with others stays,
     * without their part). Returns how many rows were removed or anonymised: 0 for someone this service never heard of.
     */
    long erase(UUID personId);

    /**
     * Moves everything held under {@code from} to {@code into}, keeping the service's invariants (one open consent,
     * one current rating, one open obligation of a kind...). Called once per merge (the link is recorded first).
     */
    void merge(UUID from, UUID into);
}
