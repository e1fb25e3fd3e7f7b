package org.opendsr.referral.register.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.opendsr.referral.inmemory.UseCases.DSR_TEAM;
import static org.opendsr.referral.inmemory.UseCases.REFERRER;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.consent.ConsentBasis;
import org.opendsr.contracts.consent.ConsentStatus;
import org.opendsr.contracts.referral.PersonRemovedFromRegister;
import org.opendsr.contracts.referral.RemovalReason;
import org.opendsr.contracts.referral.ResponsibilityChange;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.inmemory.Refusals;
import org.opendsr.referral.inmemory.UseCases;
import org.opendsr.referral.lifecycle.application.DecidingReferrals;
import org.opendsr.referral.lifecycle.domain.ConsentStanding;
import org.opendsr.referral.lifecycle.domain.EligibilityChecklist;
import org.opendsr.referral.lifecycle.domain.Referral;
import org.opendsr.referral.person.domain.Person;
import org.opendsr.referral.register.domain.RegisterChange;
import org.opendsr.referral.register.domain.RegisterEntry;

/** Removal from the register, responsibility, and consent-service's word, against in-memory ports. */
class RegisterChangesTest {

    private final UseCases dsr = new UseCases();
    private final Person person = dsr.aPerson();
    private final UUID consentId = UUID.randomUUID();

    private RegisterEntry onTheRegister() {
        Referral referral = dsr.aReferralFor(person);
        dsr.contacting.contact(referral.id(), DSR_TEAM, AccessPurpose.REFERRAL_MANAGEMENT);
        dsr.consent.keep(new ConsentStanding(person.id(), consentId, ConsentStatus.ACTIVE, Instant.now()));
        dsr.deciding.accept(referral.id(), new DecidingReferrals.Acceptance(new EligibilityChecklist(true, true, true),
                null), DSR_TEAM, AccessPurpose.REFERRAL_MANAGEMENT);
        dsr.outbox.clear();
        return dsr.register.openEntryOf(person.id()).orElseThrow();
    }

    @Test
    void theDsrTeamRemovesSomeoneWhoSteppedDown() {
        RegisterEntry entry = onTheRegister();

        RegisterChanges.EntryState state = dsr.registerChanges.remove(entry.id(), RemovalReason.STEPPED_DOWN,
                "Stable for a year", DSR_TEAM, AccessPurpose.REGISTER_MANAGEMENT);

        assertThat(state.onRegister()).isFalse();
        assertThat(dsr.register.openEntryOf(person.id())).isEmpty();
        RegisterChange last = dsr.register.changes().get(dsr.register.changes().size() - 1);
        assertThat(last).isInstanceOfSatisfying(RegisterChange.Removed.class, removed -> {
            assertThat(removed.removedBy()).isEqualTo(DSR_TEAM.userId());
            assertThat(removed.notes()).isEqualTo("Stable for a year");
        });
        assertThat(dsr.outbox.only(EventTypes.REGISTER_PERSON_REMOVED_V1, PersonRemovedFromRegister.class).reason())
                .isEqualTo(RemovalReason.STEPPED_DOWN);
    }

    @Test
    void removalForConsentIsConsentServicesToDecide() {
        RegisterEntry entry = onTheRegister();

        Throwable refused = catchThrowable(() -> dsr.registerChanges.remove(entry.id(),
                RemovalReason.CONSENT_WITHDRAWN, null, DSR_TEAM, AccessPurpose.REGISTER_MANAGEMENT));

        assertThat(Refusals.problemOf(refused)).isEqualTo("invalid-request");
        assertThat(Refusals.fieldOf(refused)).isEqualTo("reason");
        assertThat(dsr.register.openEntryOf(person.id())).isPresent();
    }

    @Test
    void theResponsibleProfessionalLeavesAndTheEntryWaitsForAllocation() {
        RegisterEntry entry = onTheRegister();

        RegisterChanges.EntryState state = dsr.registerChanges.changeResponsibility(entry.id(),
                ResponsibilityChange.PROFESSIONAL_LEFT, null, REFERRER, AccessPurpose.REGISTER_MANAGEMENT);

        assertThat(state.responsibleProfessional()).isNull();
        assertThat(state.unallocatedSince()).isEqualTo(dsr.clock.instant());
        // The responsible professional's membership changes in the same transaction.
        assertThat(dsr.outbox.types()).containsExactly(EventTypes.PERSON_CARE_TEAM_CHANGED_V1,
                EventTypes.REGISTER_RESPONSIBILITY_CHANGED_V1);
    }

    @Test
    void onlyTheDsrTeamAllocates() {
        RegisterEntry entry = onTheRegister();

        Throwable refused = catchThrowable(() -> dsr.registerChanges.changeResponsibility(entry.id(),
                ResponsibilityChange.ALLOCATED, "gp-3", REFERRER, AccessPurpose.REGISTER_MANAGEMENT));

        assertThat(Refusals.problemOf(refused)).isEqualTo("forbidden");
    }

    @Test
    void theDsrTeamAllocatesANamedProfessionalTrimmed() {
        RegisterEntry entry = onTheRegister();
        dsr.registerChanges.changeResponsibility(entry.id(), ResponsibilityChange.PROFESSIONAL_LEFT, null, REFERRER,
                AccessPurpose.REGISTER_MANAGEMENT);
        dsr.outbox.clear();

        RegisterChanges.EntryState state = dsr.registerChanges.changeResponsibility(entry.id(),
                ResponsibilityChange.ALLOCATED, " gp-3 ", DSR_TEAM, AccessPurpose.REGISTER_MANAGEMENT);

        assertThat(state.responsibleProfessional()).isEqualTo("gp-3");
        assertThat(state.unallocatedSince()).isNull();
        RegisterChange last = dsr.register.changes().get(dsr.register.changes().size() - 1);
        assertThat(last).isInstanceOfSatisfying(RegisterChange.ResponsibilityChanged.class,
                changed -> assertThat(changed.change()).isEqualTo(ResponsibilityChange.ALLOCATED));
        // The responsible professional's membership changes in the same transaction.
        assertThat(dsr.outbox.types()).containsExactly(EventTypes.PERSON_CARE_TEAM_CHANGED_V1,
                EventTypes.REGISTER_RESPONSIBILITY_CHANGED_V1);
    }

    @Test
    void anAllocationWithNoOneNamedIsRefusedAndChangesNothing() {
        RegisterEntry entry = onTheRegister();
        int saved = dsr.register.changes().size();

        Throwable refused = catchThrowable(() -> dsr.registerChanges.changeResponsibility(entry.id(),
                ResponsibilityChange.ALLOCATED, "  ", DSR_TEAM, AccessPurpose.REGISTER_MANAGEMENT));

        assertThat(Refusals.problemOf(refused)).isEqualTo("invalid-request");
        assertThat(Refusals.fieldOf(refused)).isEqualTo("responsibleProfessional");
        assertThat(dsr.register.changes()).hasSize(saved);
        assertThat(dsr.outbox.types()).isEmpty();
    }

    @Test
    void withdrawnConsentTakesThePersonOffTheRegister() {
        onTheRegister();

        dsr.followingConsent.changed(person.id(), consentId, ConsentStatus.WITHDRAWN, dsr.clock.instant());

        assertThat(dsr.register.openEntryOf(person.id())).isEmpty();
        assertThat(dsr.consent.of(person.id()).orElseThrow().status()).isEqualTo(ConsentStatus.WITHDRAWN);
        assertThat(dsr.outbox.only(EventTypes.REGISTER_PERSON_REMOVED_V1, PersonRemovedFromRegister.class).reason())
                .isEqualTo(RemovalReason.CONSENT_WITHDRAWN);
    }

    @Test
    void newsAboutAnOlderConsentChangesNothing() {
        onTheRegister();

        dsr.followingConsent.changed(person.id(), UUID.randomUUID(), ConsentStatus.LAPSED, dsr.clock.instant());

        assertThat(dsr.register.openEntryOf(person.id())).isPresent();
        assertThat(dsr.consent.of(person.id()).orElseThrow().status()).isEqualTo(ConsentStatus.ACTIVE);
        assertThat(dsr.outbox.types()).isEmpty();
    }

    @Test
    void consentForSomeoneUnknownIsRefused() {
        Throwable refused = catchThrowable(() -> dsr.followingConsent.recorded(UUID.randomUUID(), consentId,
                ConsentStatus.ACTIVE, ConsentBasis.INFORMED_CONSENT, dsr.clock.instant()));

        assertThat(Refusals.problemOf(refused)).isEqualTo("unknown-person");
    }
}
