package org.opendsr.referral.notifications.adapters.notify;

import org.opendsr.referral.notifications.application.MessageSender.SendResult;

/**
 * GOV.UK Notify's answers, as retry or not: 5xx (Notify down), 429 (rate or daily limit) and no answer at all (the
 * network; the client reports status 0) are transient and retried with backoff; 400 (a bad address, template or
 * personalisation) and 403 (a bad or revoked API key) never succeed as they are and go to the DSR team's worklist.
 * Other answers are treated as permanent: retrying the unknown would hide it. Only the status code is kept: Notify's
 * message may quote what it refused, which may be personal data.
 */
final class NotifyErrors {

    private NotifyErrors() {
    }

    static SendResult classify(int httpStatus) {
        String reason = httpStatus <= 0 ? "NOTIFY_UNREACHABLE" : "NOTIFY_HTTP_" + httpStatus;
        if (httpStatus <= 0 || httpStatus == 429 || httpStatus >= 500) {
            return new SendResult.TransientFailure(reason);
        }
        return new SendResult.PermanentFailure(reason);
    }
}
