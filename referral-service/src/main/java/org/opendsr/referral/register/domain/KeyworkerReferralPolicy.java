package org.opendsr.referral.register.domain;

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

    public static Optional<KeyworkerSuggestionReason> whenRated(AgeAtDate ageNow, RagRating rating) {
        boolean ratingCalls = rating == RagRating.RED || rating == RagRating.AMBER || rating == RagRating.BLUE;
        return ratingCalls && ageNow.band().isUnder25()
                ? Optional.of(KeyworkerSuggestionReason.RATED_RED_AMBER_OR_BLUE)
                : Optional.empty();
    }
}
