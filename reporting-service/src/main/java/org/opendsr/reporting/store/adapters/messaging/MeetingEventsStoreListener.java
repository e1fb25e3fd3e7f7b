package org.opendsr.reporting.store.adapters.messaging;

import io.micronaut.configuration.kafka.annotation.Topic;
import org.opendsr.contracts.Topics;
import org.opendsr.kit.messaging.DsrEventListener;
import org.opendsr.kit.messaging.DsrTopicListener;
import org.opendsr.kit.messaging.InboundEvents;
import org.opendsr.reporting.store.application.KeepingTheStore;
import org.opendsr.reporting.store.application.StoreConsumers;

/** meeting-service's events into the pseudonymised store (the types in {@link StoreConsumers}). */
@DsrEventListener(groupId = MeetingEventsStoreListener.GROUP)
@Topic(Topics.MEETING_EVENTS)
public class MeetingEventsStoreListener extends DsrTopicListener {

    /** The same as {@link StoreConsumers#MEETING_EVENTS}, under which the rebuild records what it applies (checked). */
    static final String GROUP = "reporting-service.meeting-events";

    public MeetingEventsStoreListener(InboundEvents inbound, KeepingTheStore store) {
        super(inbound, StoreHandlers.of(Topics.MEETING_EVENTS, GROUP, store));
    }
}
