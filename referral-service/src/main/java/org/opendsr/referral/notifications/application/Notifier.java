package org.opendsr.referral.notifications.application;

import org.opendsr.referral.audit.application.Actor;

/** The system actor the audit trail names when the notifier reads a person's contact details to send a message. */
public final class Notifier {

    public static final Actor ACTOR = new Actor("notifier", "SERVICE");

    private Notifier() {
    }
}
