package org.opendsr.referral.lifecycle.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.opendsr.referral.inmemory.UseCases.DSR_TEAM;
import static org.opendsr.referral.inmemory.UseCases.REFERRER;
import static org.opendsr.referral.inmemory.UseCases.STRANGER;

import org.junit.jupiter.api.Test;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.referral.ReferralRoute;
import org.opendsr.contracts.referral.ReferralWithdrawn;
import org.opendsr.contracts.referral.WithdrawalReason;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.inmemory.Refusals;
import org.opendsr.referral.inmemory.UseCases;
import org.opendsr.referral.lifecycle.domain.Referral;
import org.opendsr.referral.lifecycle.domain.ReferralStatus;
import org.opendsr.referral.person.domain.Person;

/** Withdrawing a referral before its outcome, against in-memory ports. */
class WithdrawingReferralsTest {

    private final UseCases dsr = new UseCases();
    private final Person person = dsr.aPerson();

    @Test
    void theReferrerWithdrawsTheirReferralAndTheOtherServicesHear() {
        Referral referral = dsr.aReferralFor(person);

        dsr.withdrawing.withdraw(referral.id(), WithdrawalReason.REFERRER_WITHDREW, "Family moved", REFERRER,
                AccessPurpose.REFERRAL_MANAGEMENT);

        Referral saved = dsr.referrals.byId(referral.id()).orElseThrow();
        assertThat(saved.status()).isEqualTo(ReferralStatus.WITHDRAWN);
        assertThat(saved.withdrawalReason()).isEqualTo(WithdrawalReason.REFERRER_WITHDREW);
        assertThat(saved.closedBy()).isEqualTo(REFERRER.userId());
        assertThat(dsr.outbox.only(EventTypes.REFERRAL_WITHDRAWN_V1, ReferralWithdrawn.class).reason())
                .isEqualTo(WithdrawalReason.REFERRER_WITHDREW);
    }

    @Test
    void anIncompleteSelfOrFamilyReferralIsWithdrawnSilently() {
        Referral referral = dsr.aReferral(person, ReferralRoute.SELF_OR_FAMILY);

        dsr.withdrawing.withdraw(referral.id(), WithdrawalReason.PERSON_OR_FAMILY_WITHDREW, null, DSR_TEAM,
                AccessPurpose.REFERRAL_MANAGEMENT);

        assertThat(dsr.referrals.byId(referral.id()).orElseThrow().status()).isEqualTo(ReferralStatus.WITHDRAWN);
        assertThat(dsr.outbox.types()).isEmpty();
    }

    @Test
    void aLinkedProfessionalWhoDidNotReferIsForbidden() {
        Referral referral = dsr.aReferralFor(person);
        dsr.inCareTeam(person, STRANGER);

        Throwable refused = catchThrowable(() -> dsr.withdrawing.withdraw(referral.id(),
                WithdrawalReason.OTHER, null, STRANGER, AccessPurpose.REFERRAL_MANAGEMENT));

        assertThat(Refusals.problemOf(refused)).isEqualTo("forbidden");
        assertThat(dsr.referrals.byId(referral.id()).orElseThrow().isOpen()).isTrue();
    }

    @Test
    void aProfessionalWithNoNeedToKnowIsToldTheReferralDoesNotExist() {
        Referral referral = dsr.aReferralFor(person);

        Throwable refused = catchThrowable(() -> dsr.withdrawing.withdraw(referral.id(),
                WithdrawalReason.OTHER, null, STRANGER, AccessPurpose.REFERRAL_MANAGEMENT));

        assertThat(Refusals.problemOf(refused)).isEqualTo("not-found");
    }

    @Test
    void aDecidedReferralCannotBeWithdrawn() {
        Referral referral = dsr.aReferralFor(person);
        dsr.withdrawing.withdraw(referral.id(), WithdrawalReason.NO_LONGER_NEEDED, null, DSR_TEAM,
                AccessPurpose.REFERRAL_MANAGEMENT);

        Throwable refused = catchThrowable(() -> dsr.withdrawing.withdraw(referral.id(),
                WithdrawalReason.NO_LONGER_NEEDED, null, DSR_TEAM, AccessPurpose.REFERRAL_MANAGEMENT));

        assertThat(Refusals.problemOf(refused)).isEqualTo("referral-closed");
    }
}
