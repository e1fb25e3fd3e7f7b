package org.opendsr.consent.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendsr.consent.domain.ConsentExamples.TODAY;

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
}
