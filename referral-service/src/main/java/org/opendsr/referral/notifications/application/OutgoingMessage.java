package org.opendsr.referral.notifications.application;

import java.util.Map;
import java.util.UUID;

import org.opendsr.referral.notifications.domain.Addressee;

/**
 * One message as a sender sends it: to whom, the template's configured name, and its personalisation. The
 * notification id is the provider's reference, so that a message re-sent after a crash is recognised.
 */
public record OutgoingMessage(UUID notificationId, UUID personId, Addressee addressee, String template,
                              Map<String, String> personalisation) {

    public OutgoingMessage {
        personalisation = Map.copyOf(personalisation);
    }

    /** Contact details and names stay out of logs and messages even if this is printed by mistake. */
    @Override
    public String toString() {
        return "OutgoingMessage[notificationId=" + notificationId + ", template=" + template
                + ", personal data redacted]";
    }
}
