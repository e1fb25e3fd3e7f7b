package org.opendsr.referral.notifications.application;

import java.util.Map;
import java.util.UUID;

import org.opendsr.referral.notifications.domain.Addressee;

/**
 * One message as a sender sends it: to whom, the template's configured name, its personalisation, and which attempt
 * this is. The notification id is the provider's reference: an attempt after the first asks the provider whether an
 * earlier one reached it (a crash or a timeout after the provider took it) before sending again.
 */
public record OutgoingMessage(UUID notificationId, UUID personId, Addressee addressee, String template,
                              Map<String, String> personalisation, int attempt) {

    public OutgoingMessage {
        personalisation = Map.copyOf(personalisation);
    }

    /** A first attempt. */
    public OutgoingMessage(UUID notificationId, UUID personId, Addressee addressee, String template,
                           Map<String, String> personalisation) {
        this(notificationId, personId, addressee, template, personalisation, 1);
    }

    /** Contact details and names stay out of logs and messages even if this is printed by mistake. */
    @Override
    public String toString() {
        return "OutgoingMessage[notificationId=" + notificationId + ", template=" + template
                + ", personal data redacted]";
    }
}
