package org.opendsr.kit.testapp;

import io.micronaut.configuration.kafka.annotation.Topic;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.contracts.referral.ReferralReceived;
import org.opendsr.kit.messaging.DsrEventListener;
import org.opendsr.kit.messaging.DsrTopicListener;
import org.opendsr.kit.messaging.EventHandlers;
import org.opendsr.kit.messaging.InboundEvents;

/** A consumer written exactly as a service writes one: topic, group and handlers, nothing else. */
@DsrEventListener(groupId = "kit-test")
@Topic(Topics.REFERRAL_EVENTS)
public class ReferralEventsListener extends DsrTopicListener {

    public ReferralEventsListener(InboundEvents inbound, ReferralsSeen seen) {
        super(inbound, EventHandlers.forConsumer("kit-test")
                .on(EventTypes.REFERRAL_RECEIVED_V1, ReferralReceived.class, seen::apply)
                .build());
    }
}
