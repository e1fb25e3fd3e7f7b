package org.opendsr.consent.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendsr.consent.domain.ConsentExamples.TODAY;

import java.time.YearMonth;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opendsr.contracts.common.AgeBand;
import org.opendsr.contracts.common.LifeStage;
import org.opendsr.contracts.referral.RemovalReason;

/**
 * Whose consent the DSR team follows up with reminders and worklists: people on the register, and people whose
 * referral awaits an outcome (it needs active consent to be accepted). Nobody else.
 */
class KnownPersonTest {

    private final UUID referral = UUID.randomUUID();
    private final KnownPerson referred = KnownPerson.referred(UUID.randomUUID(), referral, LifeStage.ADULT,
            AgeBand.AGE_25_TO_34, TODAY);

    @Test
    void aReferralAwaitingAnOutcomeIsFollowedUp() {
        assertThat(referred.isFollowed()).isTrue();
        assertThat(referred.onRegister()).isFalse();
    }

    @Test
    void someoneAcceptedOntoTheRegisterIsFollowedUp() {
        KnownPerson accepted = referred.referralAccepted(referral);

        assertThat(accepted.onRegister()).isTrue();
        assertThat(accepted.openReferrals()).isEmpty();
        assertThat(accepted.isFollowed()).isTrue();
    }

    @Test
    void aDeclinedOrWithdrawnReferralOfSomeoneNotOnTheRegisterEndsTheFollowUp() {
        assertThat(referred.referralClosed(referral).isFollowed()).isFalse();
    }

    @Test
    void aDeclinedDuplicateReferralOfSomeoneOnTheRegisterChangesNothing() {
        UUID duplicate = UUID.randomUUID();
        KnownPerson onRegister = referred.referralAccepted(referral)
                .referredAgain(duplicate, LifeStage.ADULT, AgeBand.AGE_25_TO_34, TODAY);

        KnownPerson declined = onRegister.referralClosed(duplicate);

        assertThat(declined.onRegister()).isTrue();
        assertThat(declined.isFollowed()).isTrue();
    }

    @Test
    void oneOfTwoOpenReferralsDeclinedLeavesTheOtherAwaitingAnOutcome() {
        UUID second = UUID.randomUUID();
        KnownPerson twice = referred.referredAgain(second, LifeStage.ADULT, AgeBand.AGE_25_TO_34, TODAY);

        assertThat(twice.referralClosed(referral).isFollowed()).isTrue();
        assertThat(twice.referralClosed(referral).referralClosed(second).isFollowed()).isFalse();
    }

    @Test
    void aNewReferralAfterADeclineBringsThemBack() {
        KnownPerson declined = referred.referralClosed(referral);

        KnownPerson referredAgain = declined.referredAgain(UUID.randomUUID(), LifeStage.ADULT, AgeBand.AGE_25_TO_34,
                TODAY.plusMonths(2));

        assertThat(referredAgain.isFollowed()).isTrue();
    }

    @Test
    void removalFromTheRegisterEndsTheFollowUpUnlessAReferralIsStillOpen() {
        KnownPerson removed = referred.referralAccepted(referral)
                .leftTheRegister(TODAY.plusMonths(1), RemovalReason.STEPPED_DOWN);

        assertThat(removed.onRegister()).isFalse();
        assertThat(removed.hasLeftTheRegister()).isTrue();
        assertThat(removed.isFollowed()).isFalse();
        assertThat(referred.leftTheRegister(TODAY, RemovalReason.STEPPED_DOWN).isFollowed()).isTrue();
    }

    @Test
    void anAcceptanceOfAReferralNeverSeenStillPutsThemOnTheRegister() {
        KnownPerson accepted = referred.referralAccepted(UUID.randomUUID());

        assertThat(accepted.onRegister()).isTrue();
        assertThat(accepted.openReferrals()).containsExactly(referral);
    }

    // ---- the Mental Capacity Act 2005 applies from 16 ------------------------------------------------------------

    @Test
    void anAdultIsCertainly16() {
        assertThat(referred.certainly16On(TODAY)).isTrue();
    }

    @Test
    void aChildReferredAt14Or15IsNot16UntilTheMonthTheyTurned16HasEnded() {
        KnownPerson fifteen = KnownPerson.referred(UUID.randomUUID(), referral, LifeStage.CHILD, AgeBand.AGE_14_TO_17,
                true, TODAY);
        YearMonth birthdayMonth = YearMonth.from(TODAY).plusMonths(2);

        assertThat(fifteen.certainly16On(TODAY)).isFalse();
        KnownPerson turned = fifteen.turned16(birthdayMonth);
        assertThat(turned.certainly16On(birthdayMonth.atEndOfMonth())).isFalse();
        assertThat(turned.certainly16On(birthdayMonth.plusMonths(1).atDay(1))).isTrue();
        assertThat(turned.turned16(birthdayMonth.plusMonths(5)).turned16In()).as("the first announcement stands")
                .isEqualTo(birthdayMonth);
    }

    @Test
    void aBand14To17WithNothingMoreIsCertainly16OnlyTwoYearsAfterTheReferral() {
        KnownPerson bandOnly = KnownPerson.referred(UUID.randomUUID(), referral, LifeStage.CHILD, AgeBand.AGE_14_TO_17,
                TODAY);

        assertThat(bandOnly.under16()).isNull();
        assertThat(bandOnly.certainly16On(TODAY)).isFalse();
        assertThat(bandOnly.certainly16On(TODAY.plusYears(2).minusDays(1))).isFalse();
        assertThat(bandOnly.certainly16On(TODAY.plusYears(2))).isTrue();
    }

    @Test
    void aReferralAt16Or17IsCertainly16FromItsDayOn() {
        KnownPerson sixteen = KnownPerson.referred(UUID.randomUUID(), referral, LifeStage.CHILD, AgeBand.AGE_14_TO_17,
                false, TODAY);

        assertThat(sixteen.certainly16On(TODAY.minusDays(1))).isFalse();
        assertThat(sixteen.certainly16On(TODAY)).isTrue();
    }

    @Test
    void aLaterReferralBringsItsOwnAnswerAndAnAnnouncedBirthdayStands() {
        KnownPerson fifteen = KnownPerson.referred(UUID.randomUUID(), referral, LifeStage.CHILD, AgeBand.AGE_14_TO_17,
                true, TODAY).turned16(YearMonth.from(TODAY).minusMonths(1));

        KnownPerson again = fifteen.referredAgain(UUID.randomUUID(), LifeStage.CHILD, AgeBand.AGE_14_TO_17, null,
                TODAY);

        assertThat(again.under16()).isNull();
        assertThat(again.turned16In()).isEqualTo(YearMonth.from(TODAY).minusMonths(1));
        assertThat(again.certainly16On(TODAY)).isTrue();
    }
}
