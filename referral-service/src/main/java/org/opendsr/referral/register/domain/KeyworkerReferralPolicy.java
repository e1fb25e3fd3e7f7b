package org.opendsr.referral.register.domain;

import java.time.LocalDate;
import java.util.Optional;

import org.opendsr.contracts.common.RagRating;
import org.opendsr.contracts.referral.KeyworkerSuggestionReason;
import org.opendsr.referral.person.domain.AgeAtDate;

/**
 * The children and young people's keyworker service (0-25) takes referrals only through the DSR, so the DSR
 * suggests one for anyone under 25 when they are referred, and again when they are rated Red, Amber or Blue (NHSE
 * DSR policy 2023). Each suggestion is made once per episode: per referral for the first, per register entry for the
 * second.
 */
public final class KeyworkerReferralPolicy {

    private KeyworkerReferralPolicy() {
    }

    public static Optional<KeyworkerSuggestionReason> atReferral(AgeAtDate ageAtReferral) {
        return ageAtReferral.band().isUnder25()
                ? Optional.of(KeyworkerSuggestionReason.UNDER_25_AT_REFERRAL)
                : Optional.empty();
    }

    /**
     * Whether a rating made on {@code ratedOn} calls for a keyworker referral: the age that counts is the age on the
     * day of the rating, not on the day its event is handled (a rating made the day before the 25th birthday was made
     * while under 25, however late it arrives).
     */
    public static Optional<KeyworkerSuggestionReason> whenRated(LocalDate dateOfBirth, LocalDate ratedOn,
                                                                RagRating rating) {
        return whenRated(AgeAtDate.of(dateOfBirth, ratedOn), rating);
    }

    /**
     * @param ageWhenRated the age on the rating's date (not on the day the rating reaches referral-service: someone
     *                     rated the day before their 25th birthday was rated while under 25)
     */
    public static Optional<KeyworkerSuggestionReason> whenRated(AgeAtDate ageWhenRated, RagRating rating) {
        boolean ratingCalls = rating == RagRating.RED || rating == RagRating.AMBER || rating == RagRating.BLUE;
        return ratingCalls && ageWhenRated.band().isUnder25()
                ? Optional.of(KeyworkerSuggestionReason.RATED_RED_AMBER_OR_BLUE)
                : Optional.empty();
    }
}
