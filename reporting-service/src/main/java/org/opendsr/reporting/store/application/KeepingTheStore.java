package org.opendsr.reporting.store.application;

import java.time.Clock;
import java.time.Instant;

import jakarta.inject.Singleton;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.lifecycle.ErasureConfirmed;
import org.opendsr.contracts.lifecycle.PersonErased;
import org.opendsr.kit.messaging.ReceivedEvent;
import org.opendsr.kit.ports.EventOutbox;
import org.opendsr.reporting.store.domain.Projection;

/**
 * The live listeners' use case: each event, as it arrives, into the store, in the listener's transaction (which also
 * records the event as processed). An erasure is confirmed here, in that same transaction, on dsr.reporting.events:
 * once per erasure event (a redelivery is the inbox's no-op), and never by a rebuild, which replays old erasures
 * without confirming them again.
 */
@Singleton
public class KeepingTheStore {

    /** The service named in {@link ErasureConfirmed}: the one referral-service's "erasure complete" view expects. */
    public static final String SERVICE = "reporting-service";

    private final StoreProjection projection;
    private final StoreWrites writes;
    private final EventOutbox outbox;
    private final Clock clock;

    public KeepingTheStore(StoreProjection projection, StoreWrites writes, EventOutbox outbox, Clock clock) {
        this.projection = projection;
        this.writes = writes;
        this.outbox = outbox;
        this.clock = clock;
    }

    public void apply(ReceivedEvent<?> event) {
        Projection projected = projection.project(event);
        long anonymised = writes.append(projected);
        if (event.payload() instanceof PersonErased erased) {
            // recordsErased: the facts and the attribute row re-keyed now (0 if there were none, or if a rebuild had
            // already anonymised them while this listener was held off).
            outbox.append("erasure", erased.personId(), EventTypes.REPORTING_ERASURE_CONFIRMED_V1,
                    new ErasureConfirmed(erased.personId(), SERVICE, anonymised, Instant.now(clock)));
        }
    }
}
