package org.opendsr.reporting.store.adapters.messaging;

import io.micronaut.configuration.kafka.annotation.Topic;
import org.opendsr.contracts.Topics;
import org.opendsr.kit.messaging.DsrEventListener;
import org.opendsr.kit.messaging.DsrTopicListener;
import org.opendsr.kit.messaging.InboundEvents;
import org.opendsr.reporting.store.application.KeepingTheStore;
import org.opendsr.reporting.store.application.StoreConsumers;

/** risk-service's events into the pseudonymised store (the types in {@link StoreConsumers}). */
@DsrEventListener(groupId = RiskEventsStoreListener.GROUP)
@Topic(Topics.RISK_EVENTS)
public class RiskEventsStoreListener extends DsrTopicListener {

    /** The same as {@link StoreConsumers#RISK_EVENTS}, under which the rebuild records what it applies (checked). */
    static final String GROUP = "reporting-service.risk-events";

    public RiskEventsStoreListener(InboundEvents inbound, KeepingTheStore store) {
        super(inbound, StoreHandlers.of(Topics.RISK_EVENTS, GROUP, store));
    }
}
