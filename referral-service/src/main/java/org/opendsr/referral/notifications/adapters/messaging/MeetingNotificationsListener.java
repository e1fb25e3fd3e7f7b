package org.opendsr.referral.notifications.adapters.messaging;

import io.micronaut.configuration.kafka.annotation.Topic;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.contracts.meeting.ExceptionInvitationRequested;
import org.opendsr.contracts.meeting.FeedbackDue;
import org.opendsr.contracts.meeting.MeetingCancelled;
import org.opendsr.contracts.meeting.OutcomeRecorded;
import org.opendsr.kit.messaging.DsrEventListener;
import org.opendsr.kit.messaging.DsrTopicListener;
import org.opendsr.kit.messaging.EventHandlers;
import org.opendsr.kit.messaging.InboundEvents;
import org.opendsr.referral.notifications.application.QueueingMeetingNotifications;
import org.opendsr.referral.notifications.application.QueueingNotifications;

/**
 * meeting-service's events for the notifier ({@code dsr.meeting.events}): {@code dsr.meeting.feedback-due.v1} tells
 * the referrer of the person's open register entry's referral that a meeting discussed the person and its outcome is
 * available from the DSR team (no meeting content: it stays in meeting-service); invitations to a Meeting by Exception
 * for the person's side (and word when one they were sent is cancelled), and updates to them after a meeting
 * discussed the person. Its own consumer group; the event
 * id is recorded with the queued messages (the kit's inbox), so a re-delivered event queues nothing more. Other
 * meeting events are not the notifier's and are skipped.
 */
@DsrEventListener(groupId = MeetingNotificationsListener.GROUP)
@Topic(Topics.MEETING_EVENTS)
public class MeetingNotificationsListener extends DsrTopicListener {

    static final String GROUP = "referral-service.meeting-notifications";

    public MeetingNotificationsListener(InboundEvents inbound, QueueingNotifications notifications,
                                        QueueingMeetingNotifications meetings) {
        super(inbound, EventHandlers.forConsumer(GROUP)
                .on(EventTypes.MEETING_FEEDBACK_DUE_V1, FeedbackDue.class, event ->
                        notifications.meetingFeedbackDue(event.id(), event.payload()))
                .on(EventTypes.MEETING_EXCEPTION_INVITATION_REQUESTED_V1, ExceptionInvitationRequested.class, event ->
                        meetings.exceptionInvitationRequested(event.id(), event.payload()))
                .on(EventTypes.MEETING_OUTCOME_RECORDED_V1, OutcomeRecorded.class, event ->
                        meetings.outcomeRecorded(event.id(), event.payload()))
                .on(EventTypes.MEETING_CANCELLED_V1, MeetingCancelled.class, event ->
                        meetings.meetingCancelled(event.id(), event.payload()))
                .build());
    }
}
