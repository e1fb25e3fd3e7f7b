package org.opendsr.referral.notifications.application;

/**
 * Sends one message (the port): GOV.UK Notify in production, the local mailbox in local runs and tests, chosen by
 * {@code dsr.notifications.sender}. Never throws for a failure to send: it says whether trying again may help.
 */
public interface MessageSender {

    SendResult send(OutgoingMessage message);

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
}
