package org.opendsr.referral.notifications.adapters.scheduling;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.opendsr.kit.observability.SafeThrowables;
import org.opendsr.referral.notifications.application.SendingNotifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the messages due, every few seconds ({@code dsr.notifications.send-every}), on every replica: each claims its
 * own (SKIP LOCKED), so two replicas share the work instead of repeating it.
 */
@Singleton
public class NotificationSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationSchedule.class);

    private final SendingNotifications sending;

    public NotificationSchedule(SendingNotifications sending) {
        this.sending = sending;
    }

    @Scheduled(fixedDelay = "${dsr.notifications.send-every:10s}", initialDelay = "${dsr.notifications.send-every:10s}")
    void sendDue() {
        try {
            int attempted = sending.sendDue();
            while (attempted > 0) {
                LOG.info("Notifications: {} message(s) attempted", attempted);
                attempted = sending.sendDue();
            }
        } catch (RuntimeException e) {
            // Unsettled messages stay PENDING and are claimed again once their lease ends.
            LOG.error("Sending notifications failed; the next run tries again", SafeThrowables.redacted(e));
        }
    }
}
