package org.opendsr.referral.lifecycle.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.opendsr.referral.inmemory.UseCases.DSR_TEAM;
import static org.opendsr.referral.inmemory.UseCases.REFERRER;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.consent.ConsentStatus;
import org.opendsr.contracts.referral.DeclineReason;
import org.opendsr.contracts.referral.ReferralAccepted;
import org.opendsr.contracts.referral.ReferralDeclined;
import org.opendsr.contracts.referral.ReferralRoute;
import org.opendsr.contracts.referral.ResponsibilityChanged;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.inmemory.Refusals;
import org.opendsr.referral.inmemory.UseCases;
import org.opendsr.referral.lifecycle.domain.ConsentStanding;
import org.opendsr.referral.lifecycle.domain.EligibilityChecklist;
import org.opendsr.referral.lifecycle.domain.Referral;
import org.opendsr.referral.lifecycle.domain.ReferralStatus;
import org.opendsr.referral.person.domain.Person;
import org.opendsr.referral.register.domain.RegisterChange;
import org.opendsr.referral.register.domain.RegisterEntry;

/** Accepting and declining a contacted referral, against in-memory ports. */
class DecidingReferralsTest {

    private static final EligibilityChecklist ALL_MET = new EligibilityChecklist(true, true, true);

    private final UseCases dsr = new UseCases();
    private final Person person = dsr.aPerson();

    private Referral contacted(ReferralRoute route) {
        Referral referral = dsr.aReferral(person, route);
        dsr.contacting.contact(referral.id(), DSR_TEAM, AccessPurpose.REFERRAL_MANAGEMENT);
        dsr.outbox.clear();
        return referral;
    }

    private void consent(ConsentStatus status) {
        dsr.consent.keep(new ConsentStanding(person.id(), UUID.randomUUID(), status, Instant.now()));
    }

    @Test
    void acceptancePutsThePersonOnTheRegisterWithTheReferrerResponsible() {
        Referral referral = contacted(ReferralRoute.PROFESSIONAL);
        consent(ConsentStatus.ACTIVE);

        ReferralOutcome outcome = dsr.deciding.accept(referral.id(), new DecidingReferrals.Acceptance(ALL_MET, null),
                DSR_TEAM, AccessPurpose.REFERRAL_MANAGEMENT);

        assertThat(outcome.status()).isEqualTo(ReferralStatus.ACCEPTED);
        RegisterEntry entry = dsr.register.openEntryOf(person.id()).orElseThrow();
        assertThat(entry.id()).isEqualTo(outcome.registerEntryId());
        assertThat(entry.responsibleProfessional()).isEqualTo(REFERRER.userId());
        assertThat(dsr.register.changes()).as("the entry's own Opened change is what is saved")
                .singleElement().isInstanceOfSatisfying(RegisterChange.Opened.class,
                        opened -> assertThat(opened.entry()).isEqualTo(entry));
        assertThat(dsr.referrals.byId(referral.id()).orElseThrow().status()).isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(dsr.assessments.of(referral.id()).orElseThrow().checklist()).isEqualTo(ALL_MET);
        // The care team follows in the same transaction: the referrer stays, now also responsible.
        assertThat(dsr.outbox.types()).containsExactly(EventTypes.PERSON_CARE_TEAM_CHANGED_V1,
                EventTypes.REFERRAL_ACCEPTED_V1, EventTypes.REGISTER_RESPONSIBILITY_CHANGED_V1);
        ReferralAccepted accepted = dsr.outbox.only(EventTypes.REFERRAL_ACCEPTED_V1, ReferralAccepted.class);
        assertThat(accepted.locality()).isEqualTo("SWINDON");
        assertThat(accepted.responsibleProfessionalAllocated()).isTrue();
        assertThat(dsr.outbox.only(EventTypes.REGISTER_RESPONSIBILITY_CHANGED_V1, ResponsibilityChanged.class)
                .responsibleProfessional()).isEqualTo(REFERRER.userId());
    }

    @Test
    void aSelfOrFamilyReferralAcceptedWithNoOneNamedWaitsForAllocation() {
        Referral referral = dsr.aReferral(person, ReferralRoute.SELF_OR_FAMILY);
        Referral saved = dsr.referrals.byId(referral.id()).orElseThrow();
        saved.complete(new org.opendsr.referral.lifecycle.domain.MinimumDataSet("Needs support", "At home", null,
                null, null));
        dsr.referrals.save(saved);
        dsr.contacting.contact(referral.id(), DSR_TEAM, AccessPurpose.REFERRAL_MANAGEMENT);
        dsr.outbox.clear();
        consent(ConsentStatus.RENEWAL_DUE);

        dsr.deciding.accept(referral.id(), new DecidingReferrals.Acceptance(ALL_MET, null), DSR_TEAM,
                AccessPurpose.REFERRAL_MANAGEMENT);

        RegisterEntry entry = dsr.register.openEntryOf(person.id()).orElseThrow();
        assertThat(entry.isAllocated()).isFalse();
        assertThat(entry.unallocatedSince()).isNotNull();
        assertThat(dsr.outbox.types()).containsExactly(EventTypes.REFERRAL_ACCEPTED_V1);
    }

    @Test
    void acceptanceWithoutActiveConsentIsRefusedAndLeavesTheReferralContacted() {
        Referral referral = contacted(ReferralRoute.PROFESSIONAL);
        consent(ConsentStatus.LAPSED);

        Throwable refused = catchThrowable(() -> dsr.deciding.accept(referral.id(),
                new DecidingReferrals.Acceptance(ALL_MET, null), DSR_TEAM, AccessPurpose.REFERRAL_MANAGEMENT));

        assertThat(Refusals.problemOf(refused)).isEqualTo("consent-not-active");
        assertThat(dsr.referrals.byId(referral.id()).orElseThrow().status()).isEqualTo(ReferralStatus.CONTACTED);
        assertThat(dsr.register.openEntryOf(person.id())).isEmpty();
        assertThat(dsr.outbox.types()).isEmpty();
    }

    @Test
    void aBlankResponsibleProfessionalIsRefusedNotAllocatedToNoOne() {
        // Issue 15: left out, the referrer is responsible; a blank user id is neither them nor anyone.
        Referral referral = contacted(ReferralRoute.PROFESSIONAL);

        Throwable refused = catchThrowable(() -> dsr.deciding.accept(referral.id(),
                new DecidingReferrals.Acceptance(ALL_MET, " "), DSR_TEAM, AccessPurpose.REFERRAL_MANAGEMENT));

        assertThat(Refusals.fieldOf(refused)).isEqualTo("responsibleProfessional");
        assertThat(dsr.referrals.byId(referral.id()).orElseThrow().status()).isEqualTo(ReferralStatus.CONTACTED);
        assertThat(dsr.register.openEntryOf(person.id())).isEmpty();
    }

    @Test
    void acceptanceWithAnUnmetCriterionIsRefusedBeforeConsentIsLookedAt() {
        Referral referral = contacted(ReferralRoute.PROFESSIONAL);

        Throwable refused = catchThrowable(() -> dsr.deciding.accept(referral.id(),
                new DecidingReferrals.Acceptance(new EligibilityChecklist(true, false, true), null), DSR_TEAM,
                AccessPurpose.REFERRAL_MANAGEMENT));

        assertThat(Refusals.problemOf(refused)).isEqualTo("eligibility-criteria-not-met");
    }

    @Test
    void aPersonAlreadyOnTheRegisterIsNotAcceptedTwice() {
        Referral first = contacted(ReferralRoute.PROFESSIONAL);
        consent(ConsentStatus.ACTIVE);
        dsr.deciding.accept(first.id(), new DecidingReferrals.Acceptance(ALL_MET, null), DSR_TEAM,
                AccessPurpose.REFERRAL_MANAGEMENT);
        Referral second = contacted(ReferralRoute.PROFESSIONAL);

        Throwable refused = catchThrowable(() -> dsr.deciding.accept(second.id(),
                new DecidingReferrals.Acceptance(ALL_MET, "someone-else"), DSR_TEAM,
                AccessPurpose.REFERRAL_MANAGEMENT));

        assertThat(Refusals.problemOf(refused)).isEqualTo("already-on-register");
        assertThat(dsr.register.changes()).as("no second entry saved").hasSize(1);
        assertThat(dsr.referrals.byId(second.id()).orElseThrow().status()).isEqualTo(ReferralStatus.CONTACTED);
    }

    @Test
    void aReceivedReferralIsNotAcceptedBeforeFirstContact() {
        Referral referral = dsr.aReferralFor(person);
        consent(ConsentStatus.ACTIVE);

        Throwable refused = catchThrowable(() -> dsr.deciding.accept(referral.id(),
                new DecidingReferrals.Acceptance(ALL_MET, null), DSR_TEAM, AccessPurpose.REFERRAL_MANAGEMENT));

        assertThat(Refusals.problemOf(refused)).isEqualTo("referral-transition-not-allowed");
    }

    @Test
    void aDeclineKeepsItsReasonAndNotesAndTellsTheReferrer() {
        Referral referral = contacted(ReferralRoute.PROFESSIONAL);
        EligibilityChecklist outOfArea = new EligibilityChecklist(true, true, false);

        dsr.deciding.decline(referral.id(), new DecidingReferrals.Declinal(DeclineReason.LIVES_OUT_OF_AREA, outOfArea,
                "Registered with a GP in another ICB"), DSR_TEAM, AccessPurpose.REFERRAL_MANAGEMENT);

        Referral saved = dsr.referrals.byId(referral.id()).orElseThrow();
        assertThat(saved.status()).isEqualTo(ReferralStatus.DECLINED);
        assertThat(saved.declineReason()).isEqualTo(DeclineReason.LIVES_OUT_OF_AREA);
        assertThat(saved.outcomeNotes()).isEqualTo("Registered with a GP in another ICB");
        assertThat(dsr.assessments.of(referral.id())).isPresent();
        ReferralDeclined declined = dsr.outbox.only(EventTypes.REFERRAL_DECLINED_V1, ReferralDeclined.class);
        assertThat(declined.referredBy()).isEqualTo(REFERRER.userId());
        assertThat(dsr.register.openEntryOf(person.id())).isEmpty();
    }

    @Test
    void aDeclineTheChecklistContradictsIsRefused() {
        Referral referral = contacted(ReferralRoute.PROFESSIONAL);

        Throwable refused = catchThrowable(() -> dsr.deciding.decline(referral.id(),
                new DecidingReferrals.Declinal(DeclineReason.LIVES_OUT_OF_AREA, ALL_MET, null), DSR_TEAM,
                AccessPurpose.REFERRAL_MANAGEMENT));

        assertThat(Refusals.problemOf(refused)).isEqualTo("decline-contradicts-checklist");
        assertThat(dsr.referrals.byId(referral.id()).orElseThrow().status()).isEqualTo(ReferralStatus.CONTACTED);
        assertThat(dsr.assessments.of(referral.id())).isEmpty();
    }
}
