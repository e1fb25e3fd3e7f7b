package org.opendsr.referral.retention.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * What the retention rule needs to know about one person.
 *
 * @param onRegister     an open register entry
 * @param referralInHand a referral still waiting for its outcome (received or contacted)
 * @param workEndedAt    when the DSR's work with them last ended: they left the register, or a referral was declined
 *                       or withdrawn, whichever is latest; null if it never has
 * @param archivedAt     when their record was archived; null if it is not
 */
public record RetentionFacts(UUID personId, boolean onRegister, boolean referralInHand, Instant workEndedAt,
                             Instant archivedAt) {

    /** Whether the DSR is working with them now: nothing about them may be archived or erased. */
    public boolean inHand() {
        return onRegister || referralInHand;
    }

    public boolean archived() {
        return archivedAt != null;
    }
}
