package org.opendsr.reporting.adapters.messaging;

import io.micronaut.configuration.kafka.annotation.Topic;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.contracts.referral.ReferralReceived;
import org.opendsr.kit.messaging.DsrEventListener;
import org.opendsr.kit.messaging.DsrTopicListener;
import org.opendsr.kit.messaging.EventHandlers;
import org.opendsr.kit.messaging.InboundEvents;
import org.opendsr.reporting.application.CountingReferrals;

/** reporting-service's view of referral-service's events. */
@DsrEventListener(groupId = ReferralEventsListener.GROUP)
@Topic(Topics.REFERRAL_EVENTS)
public class ReferralEventsListener extends DsrTopicListener {

    static final String GROUP = "reporting-service";

    public ReferralEventsListener(InboundEvents inbound, CountingReferrals counting) {
        super(inbound, EventHandlers.forConsumer(GROUP)
                .on(EventTypes.REFERRAL_RECEIVED_V1, ReferralReceived.class, counting::count)
                .build());
    }
}
