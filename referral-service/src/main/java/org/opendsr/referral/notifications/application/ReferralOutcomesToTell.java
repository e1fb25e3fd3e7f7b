package org.opendsr.referral.notifications.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.opendsr.referral.notifications.domain.ReferralOutcomeToTell;
import org.opendsr.referral.shared.application.KeysetPage;
import org.opendsr.referral.shared.application.PageRequest;

/**
 * Decided referrals whose outcome is owed to the referrer (the {@code referral_outcome_to_tell} table), one per
 * referral, and the DSR team's worklist of those not told in time.
 */
public interface ReferralOutcomesToTell {

    /** The referral outcome message's source id on the notification queue: one outcome message per referral. */
    static String messageSource(UUID referralId) {
        return "referral-outcome:" + referralId;
    }

    void add(ReferralOutcomeToTell outcome);

    Optional<ReferralOutcomeToTell> lockedById(UUID referralId);

    void saveTold(ReferralOutcomeToTell outcome);

    /**
     * A line of the worklist: no contact details. {@code messageStatus} is where the referrer's message is
     * ({@code PENDING}: still being tried; {@code FAILED_PERMANENT} with {@code failureReason}; none: no message).
     */
    record Line(UUID referralId, UUID personId, String givenName, String familyName, String area, String outcome,
                Instant decidedAt, LocalDate dueOn, boolean late, String recipient, String messageStatus,
                String failureReason, int attempts) {
    }

    /**
     * Outcomes not told: the referrer's message has not been sent (still pending, failed for good, or never queued),
     * nobody recorded telling them another way, and it is due today or late, or it failed for good (nothing will
     * send it). Every area's for a lead, else the caller's areas; oldest decision first.
     */
    KeysetPage<Line> untold(boolean everyArea, List<String> areas, LocalDate today, PageRequest page);
}
