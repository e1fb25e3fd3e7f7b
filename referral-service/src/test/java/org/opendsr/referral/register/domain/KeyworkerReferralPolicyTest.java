package org.opendsr.referral.register.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.contracts.referral.KeyworkerSuggestionReason;
import org.opendsr.referral.person.domain.AgeAtDate;

/**
 * NHSE DSR policy 2023: the children and young people's keyworker service (0-25) takes referrals only through the DSR.
 * Suggested for anyone under 25 at referral, and when rated Red, Amber or Blue while under 25.
 */
class KeyworkerReferralPolicyTest {

    @Test
    void underTwentyFiveAtReferralSuggestsAKeyworker() {
        assertThat(KeyworkerReferralPolicy.atReferral(new AgeAtDate(3))).contains(KeyworkerSuggestionReason.UNDER_25_AT_REFERRAL);
        assertThat(KeyworkerReferralPolicy.atReferral(new AgeAtDate(24))).contains(KeyworkerSuggestionReason.UNDER_25_AT_REFERRAL);
    }

    @Test
    void twentyFiveOrOlderAtReferralDoesNot() {
        assertThat(KeyworkerReferralPolicy.atReferral(new AgeAtDate(25))).isEmpty();
        assertThat(KeyworkerReferralPolicy.atReferral(new AgeAtDate(40))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = RagRating.class, names = {"RED", "AMBER", "BLUE"})
    void ratedRedAmberOrBlueUnderTwentyFiveSuggestsAKeyworker(RagRating rating) {
        assertThat(KeyworkerReferralPolicy.whenRated(new AgeAtDate(19), rating))
                .contains(KeyworkerSuggestionReason.RATED_RED_AMBER_OR_BLUE);
        assertThat(KeyworkerReferralPolicy.whenRated(new AgeAtDate(25), rating)).isEmpty();
    }

    @Test
    void theAgeThatCountsIsTheAgeOnTheDayOfTheRating() {
        LocalDate born = LocalDate.of(2001, 12, 5);

        assertThat(KeyworkerReferralPolicy.whenRated(born, LocalDate.of(2026, 12, 4), RagRating.AMBER))
                .as("rated the day before the 25th birthday").contains(KeyworkerSuggestionReason.RATED_RED_AMBER_OR_BLUE);
        assertThat(KeyworkerReferralPolicy.whenRated(born, LocalDate.of(2026, 12, 5), RagRating.AMBER))
                .as("rated on the 25th birthday").isEmpty();
    }

    @Test
    void ratedGreenDoesNot() {
        assertThat(KeyworkerReferralPolicy.whenRated(new AgeAtDate(12), RagRating.GREEN)).isEmpty();
    }
}
