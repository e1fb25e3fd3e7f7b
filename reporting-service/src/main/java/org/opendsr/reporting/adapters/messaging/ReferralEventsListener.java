package org.opendsr.reporting.adapters.messaging;

import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.contracts.referral.ReferralReceived;
import org.opendsr.kit.messaging.DsrEventListener;
import org.opendsr.kit.messaging.EventHandlers;
import org.opendsr.kit.messaging.InboundEvents;
import org.opendsr.reporting.application.CountingReferrals;

/** reporting-service's view of referral-service's events. */
@DsrEventListener(groupId = ReferralEventsListener.GROUP)
public class ReferralEventsListener {

    static final String GROUP = "reporting-service";

    private final InboundEvents inbound;
    private final EventHandlers handlers;

    public ReferralEventsListener(InboundEvents inbound, CountingReferrals counting) {
        this.inbound = inbound;
        this.handlers = EventHandlers.forConsumer(GROUP)
                .on(EventTypes.REFERRAL_RECEIVED_V1, ReferralReceived.class, counting::count)
                .build();
    }

    @Topic(Topics.REFERRAL_EVENTS)
    void receive(ConsumerRecord<String, byte[]> record) {
        inbound.process(record, handlers);
    }
}
