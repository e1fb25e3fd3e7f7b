package org.opendsr.referral.notifications.application;

import java.util.List;

import jakarta.inject.Singleton;

/**
 * Sends the messages that are due, a batch at a time. Safe with several replicas: each claims its own messages
 * (FOR UPDATE SKIP LOCKED, then a lease), so none is sent twice by two replicas; a crash between sending and
 * recording tries it again after the lease, with the same reference (the notification id), and the sender asks the
 * provider whether it already took it before sending (the local mailbox writes one message per notification id).
 */
@Singleton
public class SendingNotifications {

    private final NotificationAttempts attempts;
    private final MessageSender sender;

    public SendingNotifications(NotificationAttempts attempts, MessageSender sender) {
        this.attempts = attempts;
        this.sender = sender;
    }

    /** @return how many messages were attempted */
    public int sendDue() {
        List<NotificationQueue.Due> due = attempts.claim();
        for (NotificationQueue.Due message : due) {
            NotificationAttempts.Resolved resolved = attempts.resolve(message);
            if (resolved instanceof NotificationAttempts.Resolved.Ready ready) {
                attempts.record(message, ready, sender.send(ready.message()));
            }
        }
        return due.size();
    }
}
