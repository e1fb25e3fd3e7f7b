package org.opendsr.meeting.outcomes.adapters.messaging;

import jakarta.inject.Singleton;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.meeting.ActionDone;
import org.opendsr.contracts.meeting.ActionDue;
import org.opendsr.contracts.meeting.ActionOverdue;
import org.opendsr.contracts.meeting.FeedbackDue;
import org.opendsr.contracts.meeting.OutcomeRecorded;
import org.opendsr.contracts.meeting.RatingAgreed;
import org.opendsr.contracts.meeting.RecommendationMade;
import org.opendsr.contracts.meeting.RecommendationMet;
import org.opendsr.contracts.meeting.RecommendationUnmet;
import org.opendsr.kit.ports.EventOutbox;
import org.opendsr.meeting.outcomes.application.OutcomeEvents;
import org.opendsr.meeting.outcomes.domain.AgreedAction;
import org.opendsr.meeting.outcomes.domain.MeetingOutcome;
import org.opendsr.meeting.outcomes.domain.RecommendationStatus;
import org.opendsr.meeting.outcomes.domain.RecordedOutcome;
import org.opendsr.meeting.outcomes.domain.ServiceRecommendation;

/**
 * Outcome events on {@code dsr.meeting.events} through the kit's outbox, in the caller's transaction, keyed by the
 * person. Ids, codes, dates and counts only: the summary, decisions, rationale, action descriptions and notes stay in
 * meeting-service.
 */
@Singleton
class OutcomeEventPublisher implements OutcomeEvents {

    static final String OUTCOME = "meeting-outcome";
    static final String ACTION = "meeting-action";
    static final String RECOMMENDATION = "service-recommendation";

    private final EventOutbox outbox;

    OutcomeEventPublisher(EventOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void recorded(RecordedOutcome recorded) {
        MeetingOutcome outcome = recorded.outcome();
        // outcome-recorded first: risk-service completes the multi-agency review this meeting was before the agreed
        // rating (the next event on the person's partition) opens the next one.
        outbox.append(OUTCOME, outcome.personId(), EventTypes.MEETING_OUTCOME_RECORDED_V1,
                new OutcomeRecorded(outcome.id(), outcome.meetingId(), outcome.meetingKind(), outcome.personId(),
                        outcome.area(), outcome.agreedRating().map(rating -> rating.rating()).orElse(null),
                        recorded.actions().size(), recorded.recommendations().size(), outcome.meetingDay(),
                        outcome.recordedAt()));
        outcome.agreedRating().ifPresent(rating -> outbox.append(OUTCOME, outcome.personId(),
                EventTypes.MEETING_RATING_AGREED_V1, new RatingAgreed(outcome.meetingId(), outcome.id(),
                        outcome.personId(), rating.rating(), outcome.meetingDay(),
                        rating.discussedWithPersonAndFamily(), outcome.recordedBy())));
        for (AgreedAction action : recorded.actions()) {
            outbox.append(ACTION, action.personId(), EventTypes.MEETING_ACTION_DUE_V1,
                    new ActionDue(action.id(), action.personId(), action.meetingId(), action.ownerAgency(),
                            action.ownerSubject().orElse(null), action.dueOn()));
        }
        for (ServiceRecommendation recommendation : recorded.recommendations()) {
            outbox.append(RECOMMENDATION, recommendation.personId(), EventTypes.MEETING_RECOMMENDATION_MADE_V1,
                    new RecommendationMade(recommendation.id(), recommendation.personId(),
                            recommendation.meetingId(), recommendation.serviceType(), recommendation.area(),
                            recommendation.madeOn()));
        }
        outbox.append(OUTCOME, outcome.personId(), EventTypes.MEETING_FEEDBACK_DUE_V1,
                new FeedbackDue(outcome.id(), outcome.meetingId(), outcome.personId(), outcome.feedbackDueOn()));
    }

    @Override
    public void actionDone(AgreedAction action) {
        outbox.append(ACTION, action.personId(), EventTypes.MEETING_ACTION_DONE_V1,
                new ActionDone(action.id(), action.personId(), action.dueOn(), action.doneOn().orElseThrow()));
    }

    @Override
    public void actionOverdue(AgreedAction action) {
        outbox.append(ACTION, action.personId(), EventTypes.MEETING_ACTION_OVERDUE_V1,
                new ActionOverdue(action.id(), action.personId(), action.dueOn()));
    }

    @Override
    public void recommendationMarked(ServiceRecommendation recommendation) {
        if (recommendation.status() == RecommendationStatus.MET) {
            outbox.append(RECOMMENDATION, recommendation.personId(), EventTypes.MEETING_RECOMMENDATION_MET_V1,
                    new RecommendationMet(recommendation.id(), recommendation.personId(),
                            recommendation.serviceType(), recommendation.area(), recommendation.madeOn(),
                            recommendation.metOn().orElseThrow()));
        } else if (recommendation.status() == RecommendationStatus.UNMET) {
            outbox.append(RECOMMENDATION, recommendation.personId(), EventTypes.MEETING_RECOMMENDATION_UNMET_V1,
                    new RecommendationUnmet(recommendation.id(), recommendation.personId(),
                            recommendation.serviceType(), recommendation.area(), recommendation.madeOn(),
                            recommendation.markedOn().orElseThrow(), recommendation.unmetReason().orElseThrow()));
        }
    }
}
