package org.opendsr.referral.notifications.application;

/**
 * Where a message to one recipient is. PENDING until sent (retried with backoff after a transient failure); SENT
 * once the provider took it; DELIVERED once the provider reports delivery ({@link CheckingDeliveries});
 * WITHHELD when a rule forbids it (consent withdrawn, asked not to be contacted); FAILED_PERMANENT when it can never
 * go as it is (no contact details, refused by the provider, retries exhausted, or undelivered), on the DSR team's worklist.
 */
public enum NotificationStatus {
    PENDING,
    SENT,
    DELIVERED,
    WITHHELD,
    FAILED_PERMANENT
}
