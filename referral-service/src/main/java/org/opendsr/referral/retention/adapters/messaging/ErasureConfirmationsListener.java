package org.opendsr.referral.retention.adapters.messaging;

import io.micronaut.configuration.kafka.annotation.Topic;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.contracts.lifecycle.ErasureConfirmed;
import org.opendsr.kit.messaging.DsrEventListener;
import org.opendsr.kit.messaging.DsrTopicListener;
import org.opendsr.kit.messaging.EventHandlers;
import org.opendsr.kit.messaging.InboundEvents;
import org.opendsr.referral.retention.application.FollowingErasureConfirmations;

/**
 * Each service's confirmation that it erased what it held under an erased personId, for the lead's "erasure
 * complete" view. Its own consumer group, so a slow or failing confirmation never holds up consent or risk events.
 */
@DsrEventListener(groupId = ErasureConfirmationsListener.GROUP)
@Topic({Topics.CONSENT_EVENTS, Topics.RISK_EVENTS, Topics.MEETING_EVENTS, Topics.REPORTING_EVENTS})
public class ErasureConfirmationsListener extends DsrTopicListener {

    static final String GROUP = "referral-service.erasure-confirmations";

    public ErasureConfirmationsListener(InboundEvents inbound, FollowingErasureConfirmations confirmations) {
        super(inbound, EventHandlers.forConsumer(GROUP)
                .on(EventTypes.CONSENT_ERASURE_CONFIRMED_V1, ErasureConfirmed.class,
                        event -> confirmations.confirmed(event.payload()))
                .on(EventTypes.RISK_ERASURE_CONFIRMED_V1, ErasureConfirmed.class,
                        event -> confirmations.confirmed(event.payload()))
                .on(EventTypes.MEETING_ERASURE_CONFIRMED_V1, ErasureConfirmed.class,
                        event -> confirmations.confirmed(event.payload()))
                .on(EventTypes.REPORTING_ERASURE_CONFIRMED_V1, ErasureConfirmed.class,
                        event -> confirmations.confirmed(event.payload()))
                .build());
    }
}
