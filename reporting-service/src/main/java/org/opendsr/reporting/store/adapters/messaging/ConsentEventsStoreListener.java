package org.opendsr.reporting.store.adapters.messaging;

import io.micronaut.configuration.kafka.annotation.Topic;
import org.opendsr.contracts.Topics;
import org.opendsr.kit.messaging.DsrEventListener;
import org.opendsr.kit.messaging.DsrTopicListener;
import org.opendsr.kit.messaging.InboundEvents;
import org.opendsr.reporting.store.application.KeepingTheStore;
import org.opendsr.reporting.store.application.StoreConsumers;

/** consent-service's events into the pseudonymised store (the types in {@link StoreConsumers}). */
@DsrEventListener(groupId = ConsentEventsStoreListener.GROUP)
@Topic(Topics.CONSENT_EVENTS)
public class ConsentEventsStoreListener extends DsrTopicListener {

    /** The same as {@link StoreConsumers#CONSENT_EVENTS}, under which the rebuild records what it applies (checked). */
    static final String GROUP = "reporting-service.consent-events";

    public ConsentEventsStoreListener(InboundEvents inbound, KeepingTheStore store) {
        super(inbound, StoreHandlers.of(Topics.CONSENT_EVENTS, GROUP, store));
    }
}
