package org.opendsr.referral.notifications.adapters.notify;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import org.opendsr.referral.notifications.application.MessageSender.DeliveryReport;

/**
 * GOV.UK Notify's statuses of a notification, as a delivery receipt. {@code delivered} (an e-mail or text) and a
 * letter's {@code received} (printed and posted by Notify's provider: the post gives no further receipt) are delivered.
 * The failures are final in Notify (it has already retried a temporary failure for 72 hours): the person was not
 * reached, so the message goes to the DSR team's worklist. Anything else, known or new, is "not yet known" and asked
 * again later: a status Notify adds one day is never taken for a failure or a delivery.
 */
final class NotifyDeliveryStatuses {

    private static final Set<String> FAILED = Set.of("permanent-failure", "temporary-failure", "technical-failure",
            "cancelled", "validation-failed", "virus-scan-failed");

    private NotifyDeliveryStatuses() {
    }

    static DeliveryReport of(String type, String status, Instant completedAt, Instant now) {
        if ("delivered".equals(status) || ("letter".equals(type) && "received".equals(status))) {
            return new DeliveryReport.Delivered(completedAt == null ? now : completedAt);
        }
        if (FAILED.contains(status)) {
            return new DeliveryReport.Undelivered("NOTIFY_" + status.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
        return new DeliveryReport.NotYetKnown(status == null ? "NOTIFY_NO_STATUS" : status);
    }
}
