package org.opendsr.referral.notifications.application;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.kit.access.PersonScope;
import org.opendsr.referral.shared.application.KeysetPage;
import org.opendsr.referral.shared.application.PageRequest;

/** What the local mailbox sender "sent", for the DSR team in local runs: what would have gone to whom. */
public interface LocalMailbox {

    record Message(UUID messageId, UUID notificationId, UUID personId, String recipient, String channel,
                   String template, String sentTo, Map<String, String> personalisation, Instant sentAt) {

        /** Contact details stay out of logs even if this is printed by mistake. */
        @Override
        public String toString() {
            return "LocalMailbox.Message[messageId=" + messageId + ", template=" + template
                    + ", personal data redacted]";
        }
    }

    /** Messages about people in the scope (one person's if given), newest first. */
    KeysetPage<Message> messages(PersonScope scope, @Nullable UUID personId, PageRequest page);
}
