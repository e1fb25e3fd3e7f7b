package org.opendsr.referral.notifications.adapters.messaging;

import io.micronaut.configuration.kafka.annotation.Topic;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.contracts.consent.ConsentReminderDue;
import org.opendsr.kit.messaging.DsrEventListener;
import org.opendsr.kit.messaging.DsrTopicListener;
import org.opendsr.kit.messaging.EventHandlers;
import org.opendsr.kit.messaging.InboundEvents;
import org.opendsr.referral.notifications.application.QueueingNotifications;

/**
 * consent-service's reminders ({@code dsr.consent.reminder-due.v1}), for the notifier: each queues the messages to the
 * person or their representative and to the responsible professional. Its own consumer group, so that the register's
 * consent standing (ConsentEventsListener) and the notifier never hold each other up; the event id is recorded with
 * the queued messages (the kit's inbox), so a re-delivered reminder queues nothing more.
 */
@DsrEventListener(groupId = ConsentRemindersListener.GROUP)
@Topic(Topics.CONSENT_EVENTS)
public class ConsentRemindersListener extends DsrTopicListener {

    static final String GROUP = "referral-service.notifications";

    public ConsentRemindersListener(InboundEvents inbound, QueueingNotifications notifications) {
        super(inbound, EventHandlers.forConsumer(GROUP)
                .on(EventTypes.CONSENT_REMINDER_DUE_V1, ConsentReminderDue.class, event ->
                        notifications.consentReminderDue(event.id(), event.payload()))
                .build());
    }
}
