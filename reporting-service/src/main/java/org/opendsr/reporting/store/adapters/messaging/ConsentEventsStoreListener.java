package org.opendsr.reporting.store.adapters.messaging;

import io.micronaut.configuration.kafka.annotation.Topic;
import org.opendsr.contracts.Topics;
import org.opendsr.kit.messaging.DsrEventListener;
import org.opendsr.kit.messaging.DsrTopicListener;
import org.opendsr.kit.messaging.InboundEvents;
import org.opendsr.reporting.store.application.KeepingTheStore;
import org.opendsr.reporting.store.application.StoreConsumers;

/** consent-service's events into the pseudonymised store (the types in {@link StoreConsumers}). */
@DsrEventListener(groupId = StoreConsumers.CONSENT_EVENTS)
@Topic(Topics.CONSENT_EVENTS)
public class ConsentEventsStoreListener extends DsrTopicListener {

    public ConsentEventsStoreListener(InboundEvents inbound, KeepingTheStore store) {
        super(inbound, StoreHandlers.of(Topics.CONSENT_EVENTS, store));
    }
}
