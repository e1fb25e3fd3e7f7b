package org.opendsr.referral.notifications.application;

import java.time.Instant;

/**
 * Sends one message (the port): GOV.UK Notify in production, the local mailbox in local runs and tests, chosen by
 * {@code dsr.notifications.sender}. Never throws for a failure to send: it says whether trying again may help.
 */
public interface MessageSender {

    SendResult send(OutgoingMessage message);

    /**
     * What the provider knows of a message it took ({@link SendResult.Sent}'s reference): delivered, undelivered
     * for good, or not yet known. Never throws: a provider that cannot be asked is "not yet known".
     */
    DeliveryReport deliveryOf(String providerReference);

    /** What became of one attempt. Reasons are codes (e.g. NOTIFY_HTTP_400), never personal data. */
    sealed interface SendResult {
        record Sent(String providerReference) implements SendResult {
        }

        /** Worth trying again later: the provider was down, busy or rate-limiting, or the network failed. */
        record TransientFailure(String reason) implements SendResult {
        }

        /** Never worth trying again as it is: the provider refused the message or our credentials. */
        record PermanentFailure(String reason) implements SendResult {
        }
    }

    /** The provider's delivery receipt for one message. Reasons and statuses are codes, never personal data. */
    sealed interface DeliveryReport {
        /** Delivered (an e-mail or text), or printed and posted (a letter: the post gives no receipt). */
        record Delivered(Instant at) implements DeliveryReport {
        }

        /** It will never arrive as it was sent (a wrong address, a phone off for days, a provider fault). */
        record Undelivered(String reason) implements DeliveryReport {
        }

        /** Not known yet (still on its way, or the provider could not be asked): ask again later. */
        record NotYetKnown(String providerStatus) implements DeliveryReport {
        }
    }
}
