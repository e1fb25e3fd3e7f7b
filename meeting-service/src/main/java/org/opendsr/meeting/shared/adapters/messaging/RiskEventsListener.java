package org.opendsr.meeting.shared.adapters.messaging;

import io.micronaut.configuration.kafka.annotation.Topic;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.contracts.risk.ObligationCompleted;
import org.opendsr.contracts.risk.ObligationDue;
import org.opendsr.contracts.risk.ObligationOverdue;
import org.opendsr.contracts.risk.RatingChanged;
import org.opendsr.contracts.risk.UpdateOverdue;
import org.opendsr.contracts.risk.UpdatePosted;
import org.opendsr.kit.lifecycle.MergedPeople;
import org.opendsr.kit.messaging.DsrEventListener;
import org.opendsr.kit.messaging.DsrTopicListener;
import org.opendsr.kit.messaging.EventHandlers;
import org.opendsr.kit.messaging.InboundEvents;
import org.opendsr.meeting.shared.application.FollowingTheRegister;

/**
 * risk-service's events: ratings, overdue and posted updates, and what ratings oblige (for agendas, and to book
 * reviews against). The agreed ratings meeting-service publishes come back here as rating changes.
 */
@DsrEventListener(groupId = RiskEventsListener.GROUP)
@Topic(Topics.RISK_EVENTS)
public class RiskEventsListener extends DsrTopicListener {

    static final String GROUP = "meeting-service.risk-events";

    public RiskEventsListener(InboundEvents inbound, MergedPeople merged, FollowingTheRegister register) {
        // An event about a duplicate merged since (issue 16) is applied to the survivor: MergedPeople.resolving.
        super(inbound, EventHandlers.forConsumer(GROUP)
                .on(EventTypes.RISK_RATING_CHANGED_V1, RatingChanged.class,
                        merged.resolving(RatingChanged.class, register::ratingChanged))
                .on(EventTypes.RISK_UPDATE_OVERDUE_V1, UpdateOverdue.class,
                        merged.resolving(UpdateOverdue.class, register::updateOverdue))
                .on(EventTypes.RISK_UPDATE_POSTED_V1, UpdatePosted.class,
                        merged.resolving(UpdatePosted.class, register::updatePosted))
                .on(EventTypes.RISK_OBLIGATION_DUE_V1, ObligationDue.class,
                        merged.resolving(ObligationDue.class, register::obligationDue))
                .on(EventTypes.RISK_OBLIGATION_OVERDUE_V1, ObligationOverdue.class,
                        merged.resolving(ObligationOverdue.class, register::obligationOverdue))
                .on(EventTypes.RISK_OBLIGATION_COMPLETED_V1, ObligationCompleted.class,
                        merged.resolving(ObligationCompleted.class, register::obligationCompleted))
                .build());
    }
}
