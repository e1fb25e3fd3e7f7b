package org.opendsr.referral.notifications.adapters.web;

import io.micronaut.serde.annotation.SerdeImport;
import org.opendsr.referral.notifications.application.LocalMailbox;
import org.opendsr.referral.notifications.application.NotificationQueue;

/** The worklist's and the local mailbox's read models, served as they are (projections for these views). */
@SerdeImport(NotificationQueue.Failed.class)
@SerdeImport(LocalMailbox.Message.class)
final class NotificationReadModels {

    private NotificationReadModels() {
    }
}
