package org.opendsr.referral.notifications.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The sent messages whose delivery receipt is still awaited (the {@code notification} table's SENT rows with a next
 * check, migration V18), and what each check found. Nothing here holds contact details: the provider's reference,
 * its status code and when.
 */
public interface DeliveryChecks {

    /** A sent message to ask the provider about, with when it was sent and the checks so far (this one included). */
    record Awaited(UUID notificationId, String providerReference, Instant sentAt, int checks) {
    }

    /** The first check, a while after the provider took the message. */
    void firstCheckAt(UUID notificationId, Instant at);

    /**
     * Claims up to {@code max} messages whose check is due by {@code now}, skipping those another replica holds, and
     * keeps them from everyone until {@code leaseUntil}.
     */
    List<Awaited> claimDue(Instant now, int max, Instant leaseUntil);

    /** DELIVERED: the receipt came. */
    void delivered(UUID notificationId, Instant deliveredAt);

    /** FAILED_PERMANENT with the provider's reason: it is on the DSR team's worklist to reach the person another way. */
    void undelivered(UUID notificationId, String reason, Instant at);

    /** Still SENT; ask again at {@code nextCheckAt}, or never again (null) once receipts are no longer expected. */
    void checkAgainAt(UUID notificationId, Instant nextCheckAt, String providerStatus);
}
