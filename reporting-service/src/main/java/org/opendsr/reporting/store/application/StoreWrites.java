package org.opendsr.reporting.store.application;

import org.opendsr.reporting.store.domain.Projection;

/** The store as the live listeners write it (a port: the persistence adapter). */
public interface StoreWrites {

    /**
     * Adds what an event comes to to the caller's transaction (the listener's, which also records the event as
     * processed). Writes may be held and written together just before that transaction commits. While the store is
     * being rebuilt this refuses with the kit's transient failure, so that the listener retries the event later.
     */
    long append(Projection projection);
}
