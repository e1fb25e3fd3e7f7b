package org.opendsr.referral.notifications.adapters.messaging;

import io.micronaut.configuration.kafka.annotation.Topic;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.contracts.meeting.FeedbackDue;
import org.opendsr.kit.messaging.DsrEventListener;
import org.opendsr.kit.messaging.DsrTopicListener;
import org.opendsr.kit.messaging.EventHandlers;
import org.opendsr.kit.messaging.InboundEvents;
import org.opendsr.referral.notifications.application.QueueingNotifications;

/**
 * meeting-service's events for the notifier ({@code dsr.meeting.events}): {@code dsr.meeting.feedback-due.v1} tells
 * the referrer of the person's open register entry's referral that a meeting discussed the person and its outcome is
 * available from the DSR team (no meeting content: it stays in meeting-service). Its own consumer group; the event id
 * is recorded with the queued message, so a re-delivered event queues nothing more.
 */
@DsrEventListener(groupId = MeetingNotificationsListener.GROUP)
@Topic(Topics.MEETING_EVENTS)
public class MeetingNotificationsListener extends DsrTopicListener {

    static final String GROUP = "referral-service.meeting-notifications";

    public MeetingNotificationsListener(InboundEvents inbound, QueueingNotifications notifications) {
        super(inbound, EventHandlers.forConsumer(GROUP)
                .on(EventTypes.MEETING_FEEDBACK_DUE_V1, FeedbackDue.class, event ->
                        notifications.meetingFeedbackDue(event.id(), event.payload()))
                .build());
    }
}
