package org.opendsr.referral.lifecycle.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.opendsr.contracts.referral.DeclineReason;
import org.opendsr.contracts.referral.WithdrawalReason;

/** What happened to a referral: each change is told to the other services as one event, keyed by the person. */
public sealed interface ReferralChange {

    UUID referralId();

    UUID personId();

    /** First contact was made, in time or not (the deadline is kept to be reported on). */
    record Contacted(UUID referralId, UUID personId, Instant at, LocalDate firstContactDueOn, boolean inTime)
            implements ReferralChange {
    }

    /** The DSR team accepted the referral; the person goes on the register with the responsible professional. */
    record Accepted(UUID referralId, UUID personId, Instant at, String responsibleProfessional)
            implements ReferralChange {
    }

    /** The DSR team declined the referral; the referrer is told why. */
    record Declined(UUID referralId, UUID personId, Instant at, DeclineReason reason, String referredBy)
            implements ReferralChange {
    }

    /**
     * The referral was withdrawn before its outcome. {@code announced} is false for a self or family referral
     * withdrawn before completion: the other services never heard of it, so they are not told of its end either.
     */
    record Withdrawn(UUID referralId, UUID personId, Instant at, WithdrawalReason reason, String referredBy,
                     boolean announced) implements ReferralChange {
    }

    /** A self or family referral was completed: from now on it is a referral like any other. */
    record Completed(UUID referralId, UUID personId) implements ReferralChange {
    }
}
