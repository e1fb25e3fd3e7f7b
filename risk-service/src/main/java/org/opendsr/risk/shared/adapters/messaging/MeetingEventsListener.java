package org.opendsr.risk.shared.adapters.messaging;

import io.micronaut.configuration.kafka.annotation.Topic;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.contracts.meeting.OutcomeRecorded;
import org.opendsr.contracts.meeting.RatingAgreed;
import org.opendsr.contracts.meeting.ReviewBooked;
import org.opendsr.contracts.meeting.ReviewCancelled;
import org.opendsr.contracts.meeting.ReviewHeld;
import org.opendsr.kit.lifecycle.MergedPeople;
import org.opendsr.kit.messaging.DsrEventListener;
import org.opendsr.kit.messaging.DsrTopicListener;
import org.opendsr.kit.messaging.EventHandlers;
import org.opendsr.kit.messaging.InboundEvents;
import org.opendsr.risk.obligations.application.FollowingMeetingOutcomes;
import org.opendsr.risk.obligations.application.FollowingReviews;
import org.opendsr.risk.rating.application.RecordingAgreedRatings;

/**
 * risk-service's one view of meeting-service's events: the reviews booked, held and cancelled against obligations,
 * a rating a meeting agreed (recorded as agreed at that meeting), and an outcome recorded about a person (the
 * multi-agency meeting their AMBER rating obliged took place). One listener for the topic in this service (two in the same group would split its partitions between them), so a
 * feature that follows other meeting events adds its {@code .on(...)} line here. The events come from
 * meeting-service over its own topic (the only writer the broker's ACLs allow) and act as the system, audited as
 * meeting-service. Other types on the topic are skipped.
 */
@DsrEventListener(groupId = MeetingEventsListener.GROUP)
@Topic(Topics.MEETING_EVENTS)
public class MeetingEventsListener extends DsrTopicListener {

    static final String GROUP = "risk-service.meeting-events";

    public MeetingEventsListener(InboundEvents inbound, MergedPeople merged, FollowingReviews reviews,
                                 RecordingAgreedRatings agreedRatings, FollowingMeetingOutcomes outcomes) {
        // An event about a duplicate merged since (issue 16) is applied to the survivor: MergedPeople.resolving.
        super(inbound, EventHandlers.forConsumer(GROUP)
                .on(EventTypes.MEETING_REVIEW_BOOKED_V1, ReviewBooked.class,
                        merged.resolving(ReviewBooked.class, reviews::reviewBooked))
                .on(EventTypes.MEETING_REVIEW_HELD_V1, ReviewHeld.class,
                        merged.resolving(ReviewHeld.class, reviews::reviewHeld))
                .on(EventTypes.MEETING_REVIEW_CANCELLED_V1, ReviewCancelled.class,
                        merged.resolving(ReviewCancelled.class, reviews::reviewCancelled))
                .on(EventTypes.MEETING_RATING_AGREED_V1, RatingAgreed.class,
                        merged.resolving(RatingAgreed.class, agreedRatings::ratingAgreed))
                .on(EventTypes.MEETING_OUTCOME_RECORDED_V1, OutcomeRecorded.class,
                        merged.resolving(OutcomeRecorded.class, outcomes::outcomeRecorded))
                .build());
    }
}
