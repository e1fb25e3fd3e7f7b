package org.opendsr.referral.register.adapters.messaging;

import io.micronaut.configuration.kafka.annotation.Topic;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.contracts.risk.RatingChanged;
import org.opendsr.kit.messaging.DsrEventListener;
import org.opendsr.kit.messaging.DsrTopicListener;
import org.opendsr.kit.messaging.EventHandlers;
import org.opendsr.kit.messaging.InboundEvents;
import org.opendsr.referral.register.application.FollowingRatings;

/** risk-service's events, as far as referral-service needs them: rating changes, for keyworker suggestions. */
@DsrEventListener(groupId = RiskEventsListener.GROUP)
@Topic(Topics.RISK_EVENTS)
public class RiskEventsListener extends DsrTopicListener {

    static final String GROUP = "referral-service.risk-events";

    public RiskEventsListener(InboundEvents inbound, FollowingRatings ratings) {
        super(inbound, EventHandlers.forConsumer(GROUP)
                .on(EventTypes.RISK_RATING_CHANGED_V1, RatingChanged.class, event ->
                        ratings.ratingChanged(event.payload().personId(), event.payload().rating(),
                                event.payload().ratedOn()))
                .build());
    }
}
