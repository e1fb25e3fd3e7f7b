package org.opendsr.reporting.store.application;

import jakarta.inject.Singleton;
import org.opendsr.kit.messaging.ReceivedEvent;

/** The live listeners' use case: each event, as it arrives, into the store. */
@Singleton
public class KeepingTheStore {

    private final StoreProjection projection;
    private final StoreWrites writes;

    public KeepingTheStore(StoreProjection projection, StoreWrites writes) {
        this.projection = projection;
        this.writes = writes;
    }

    public void apply(ReceivedEvent<?> event) {
        writes.append(projection.project(event));
    }
}
