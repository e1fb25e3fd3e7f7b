package org.opendsr.risk.rating.adapters.messaging;

import jakarta.inject.Singleton;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.risk.RatingChanged;
import org.opendsr.kit.ports.EventOutbox;
import org.opendsr.risk.rating.application.RatingEvents;
import org.opendsr.risk.rating.domain.RatingDecision;

/**
 * {@code dsr.risk.rating-changed.v1} on {@code dsr.risk.events} through the outbox, in the rating's transaction, keyed
 * by the person. No rationale or other text: why a rating changed stays in risk-service.
 */
@Singleton
class RatingEventPublisher implements RatingEvents {

    static final String AGGREGATE_TYPE = "rating";

    private final EventOutbox outbox;

    RatingEventPublisher(EventOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void ratingChanged(RatingDecision decision) {
        outbox.append(AGGREGATE_TYPE, decision.personId(), EventTypes.RISK_RATING_CHANGED_V1,
                new RatingChanged(decision.personId(), decision.rating(), decision.previous(), decision.on(),
                        decision.indicative()));
    }
}
