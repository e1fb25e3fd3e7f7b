package org.opendsr.referral.shared.adapters.persistence;

import java.util.UUID;

import jakarta.inject.Singleton;
import org.opendsr.kit.outbox.Outbox;
import org.opendsr.referral.shared.application.EventOutbox;

/** The use cases' events go to the kit's transactional outbox. */
@Singleton
class KitOutboxEvents implements EventOutbox {

    private final Outbox outbox;

    KitOutboxEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public UUID append(String aggregateType, UUID personId, String eventType, Object payload) {
        return outbox.append(aggregateType, personId, eventType, payload);
    }
}
