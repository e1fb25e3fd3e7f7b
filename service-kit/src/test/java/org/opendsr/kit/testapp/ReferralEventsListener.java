package org.opendsr.kit.testapp;

import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.contracts.referral.ReferralReceived;
import org.opendsr.kit.messaging.DsrEventListener;
import org.opendsr.kit.messaging.EventHandlers;
import org.opendsr.kit.messaging.InboundEvents;

/** A consumer written exactly as a service writes one. */
@DsrEventListener(groupId = "kit-test")
public class ReferralEventsListener {

    private final InboundEvents inbound;
    private final EventHandlers handlers;

    public ReferralEventsListener(InboundEvents inbound, ReferralsSeen seen) {
        this.inbound = inbound;
        this.handlers = EventHandlers.forConsumer("kit-test")
                .on(EventTypes.REFERRAL_RECEIVED_V1, ReferralReceived.class, seen::apply)
                .build();
    }

    @Topic(Topics.REFERRAL_EVENTS)
    void receive(ConsumerRecord<String, byte[]> record) {
        inbound.process(record, handlers);
    }
}
