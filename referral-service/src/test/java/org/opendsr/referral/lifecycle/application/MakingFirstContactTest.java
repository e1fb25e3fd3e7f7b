package org.opendsr.referral.lifecycle.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.opendsr.referral.inmemory.UseCases.DSR_TEAM;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.referral.ReferralContacted;
import org.opendsr.contracts.referral.ReferralRoute;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.inmemory.Refusals;
import org.opendsr.referral.inmemory.UseCases;
import org.opendsr.referral.lifecycle.domain.Referral;
import org.opendsr.referral.lifecycle.domain.ReferralStatus;
import org.opendsr.referral.person.domain.Person;

/** First contact, against in-memory ports. */
class MakingFirstContactTest {

    private final UseCases dsr = new UseCases();
    private final Person person = dsr.aPerson();

    @Test
    void contactInTimeIsSavedAnnouncedAndAudited() {
        Referral referral = dsr.aReferralFor(person);
        dsr.clock.advance(Duration.ofDays(2));

        ReferralOutcome outcome = dsr.contacting.contact(referral.id(), DSR_TEAM, AccessPurpose.REFERRAL_MANAGEMENT);

        assertThat(outcome.status()).isEqualTo(ReferralStatus.CONTACTED);
        Referral saved = dsr.referrals.byId(referral.id()).orElseThrow();
        assertThat(saved.status()).isEqualTo(ReferralStatus.CONTACTED);
        assertThat(saved.contactedBy()).isEqualTo(DSR_TEAM.userId());
        ReferralContacted event = dsr.outbox.only(EventTypes.REFERRAL_CONTACTED_V1, ReferralContacted.class);
        assertThat(event.withinDeadline()).isTrue();
        assertThat(event.contactedAt()).isEqualTo(dsr.clock.instant());
        assertThat(dsr.audit.of(person.id())).containsExactly("CHANGED referral " + referral.id() + " contacted");
        assertThat(dsr.locks.taken()).containsExactly("person:" + person.id());
    }

    @Test
    void contactAfterTheDeadlineIsStillRecordedButLate() {
        Referral referral = dsr.aReferralFor(person);
        dsr.clock.advance(Duration.ofDays(8));

        ReferralOutcome outcome = dsr.contacting.contact(referral.id(), DSR_TEAM, AccessPurpose.REFERRAL_MANAGEMENT);

        assertThat(outcome.contactedWithinDeadline()).isFalse();
        assertThat(dsr.outbox.only(EventTypes.REFERRAL_CONTACTED_V1, ReferralContacted.class).withinDeadline())
                .isFalse();
    }

    @Test
    void aSecondContactIsRefusedAndChangesNothing() {
        Referral referral = dsr.aReferralFor(person);
        dsr.contacting.contact(referral.id(), DSR_TEAM, AccessPurpose.REFERRAL_MANAGEMENT);
        dsr.outbox.clear();

        Throwable refused = catchThrowable(() ->
                dsr.contacting.contact(referral.id(), DSR_TEAM, AccessPurpose.REFERRAL_MANAGEMENT));

        assertThat(Refusals.problemOf(refused)).isEqualTo("referral-transition-not-allowed");
        assertThat(dsr.outbox.types()).isEmpty();
    }

    @Test
    void anIncompleteSelfOrFamilyReferralIsNotContactedBeforeCompletion() {
        Referral referral = dsr.aReferral(person, ReferralRoute.SELF_OR_FAMILY);

        Throwable refused = catchThrowable(() ->
                dsr.contacting.contact(referral.id(), DSR_TEAM, AccessPurpose.REFERRAL_MANAGEMENT));

        assertThat(Refusals.problemOf(refused)).isEqualTo("referral-incomplete");
        assertThat(dsr.referrals.byId(referral.id()).orElseThrow().status()).isEqualTo(ReferralStatus.RECEIVED);
    }

    @Test
    void anUnknownReferralIsNotFound() {
        Throwable refused = catchThrowable(() ->
                dsr.contacting.contact(UUID.randomUUID(), DSR_TEAM, AccessPurpose.REFERRAL_MANAGEMENT));

        assertThat(Refusals.problemOf(refused)).isEqualTo("not-found");
    }
}
