package org.opendsr.reporting.store.adapters.messaging;

import io.micronaut.configuration.kafka.annotation.Topic;
import org.opendsr.contracts.Topics;
import org.opendsr.kit.messaging.DsrEventListener;
import org.opendsr.kit.messaging.DsrTopicListener;
import org.opendsr.kit.messaging.InboundEvents;
import org.opendsr.reporting.store.application.KeepingTheStore;
import org.opendsr.reporting.store.application.StoreConsumers;

/** referral-service's events into the pseudonymised store (the types in {@link StoreConsumers}). */
@DsrEventListener(groupId = ReferralEventsStoreListener.GROUP)
@Topic(Topics.REFERRAL_EVENTS)
public class ReferralEventsStoreListener extends DsrTopicListener {

    /** The same as {@link StoreConsumers#REFERRAL_EVENTS}, under which the rebuild records what it applies (checked). */
    static final String GROUP = "reporting-service.referral-events";

    public ReferralEventsStoreListener(InboundEvents inbound, KeepingTheStore store) {
        super(inbound, StoreHandlers.of(Topics.REFERRAL_EVENTS, GROUP, store));
    }
}
