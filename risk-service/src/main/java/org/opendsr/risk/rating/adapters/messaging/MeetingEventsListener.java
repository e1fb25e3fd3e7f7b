package org.opendsr.risk.rating.adapters.messaging;

import io.micronaut.configuration.kafka.annotation.Topic;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.contracts.meeting.OutcomeRecorded;
import org.opendsr.contracts.meeting.RatingAgreed;
import org.opendsr.kit.messaging.DsrEventListener;
import org.opendsr.kit.messaging.DsrTopicListener;
import org.opendsr.kit.messaging.EventHandlers;
import org.opendsr.kit.messaging.InboundEvents;
import org.opendsr.risk.obligations.application.FollowingMeetingOutcomes;
import org.opendsr.risk.rating.application.RecordingAgreedRatings;

/**
 * risk-service's view of meeting-service's events: a rating a meeting agreed (recorded as agreed at that meeting) and
 * an outcome recorded about a person (the multi-agency meeting their AMBER rating obliged took place). The events come
 * from meeting-service over its own topic (the only writer the broker's ACLs allow) and act as the system, recorded on
 * the audit trail as meeting-service. The one listener of the topic in this service: other types are skipped.
 */
@DsrEventListener(groupId = MeetingEventsListener.GROUP)
@Topic(Topics.MEETING_EVENTS)
public class MeetingEventsListener extends DsrTopicListener {

    static final String GROUP = "risk-service.meeting-events";

    public MeetingEventsListener(InboundEvents inbound, RecordingAgreedRatings agreedRatings,
                                 FollowingMeetingOutcomes outcomes) {
        super(inbound, EventHandlers.forConsumer(GROUP)
                .on(EventTypes.MEETING_RATING_AGREED_V1, RatingAgreed.class, agreedRatings::ratingAgreed)
                .on(EventTypes.MEETING_OUTCOME_RECORDED_V1, OutcomeRecorded.class, outcomes::outcomeRecorded)
                .build());
    }
}
