package org.opendsr.referral.person.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.opendsr.referral.inmemory.UseCases.DSR_TEAM;
import static org.opendsr.referral.inmemory.UseCases.REFERRER;
import static org.opendsr.referral.inmemory.UseCases.STRANGER;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.referral.PersonMoved;
import org.opendsr.referral.TestNhsNumbers;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.inmemory.Refusals;
import org.opendsr.referral.inmemory.UseCases;
import org.opendsr.referral.person.domain.ContactRelationship;
import org.opendsr.referral.person.domain.Person;
import org.opendsr.referral.shared.application.ReferralSettings;

/** Updating a person's record one part at a time, against in-memory ports. */
class UpdatingPersonRecordsTest {

    private final UseCases dsr = new UseCases();
    private final Person person = dsr.aPerson();

    @Test
    void aMoveOutOfAreaIsSavedWholeAndAnnouncedWithoutTheAddress() {
        dsr.inCareTeam(person, REFERRER);
        dsr.clock.advance(Duration.ofHours(1));

        dsr.updating.address(person.id(), UpdatingPersonRecords.AddressChange.parse(
                new Address("2 Low Road", null, "Bath"), "ba1 1aa", ReferralSettings.OUT_OF_AREA, dsr.checks),
                REFERRER, AccessPurpose.DIRECT_CARE);

        Person saved = dsr.people.byId(person.id()).orElseThrow();
        assertThat(saved.postcode()).isEqualTo("BA1 1AA");
        assertThat(saved.addressLine1()).isEqualTo("2 Low Road");
        assertThat(saved.givenName()).as("the rest of the record as it was").isEqualTo("Sam");
        assertThat(saved.updatedAt()).isEqualTo(dsr.clock.instant());
        PersonMoved moved = dsr.outbox.only(EventTypes.PERSON_MOVED_V1, PersonMoved.class);
        assertThat(moved.outOfArea()).isTrue();
        assertThat(dsr.locks.taken()).containsExactly("person:" + person.id());
    }

    @Test
    void aMoveOutOfAreaOfSomeoneOnTheRegisterPutsThemOnTheWorklistOfTheAreaTheyLeft() {
        java.util.UUID entryId = java.util.UUID.randomUUID();
        dsr.register.save(org.opendsr.referral.register.domain.RegisterEntry.open(entryId, person.id(),
                java.util.UUID.randomUUID(), dsr.clock.instant(), null, java.util.Optional.empty()));

        dsr.updating.address(person.id(), UpdatingPersonRecords.AddressChange.parse(
                new Address("2 Low Road", null, "Bath"), "ba1 1aa", ReferralSettings.OUT_OF_AREA, dsr.checks),
                DSR_TEAM, AccessPurpose.REGISTER_MANAGEMENT);
        // A second out-of-area address is no second move out of area.
        dsr.updating.address(person.id(), UpdatingPersonRecords.AddressChange.parse(
                new Address("3 Low Road", null, "Bath"), "ba1 1ab", ReferralSettings.OUT_OF_AREA, dsr.checks),
                DSR_TEAM, AccessPurpose.REGISTER_MANAGEMENT);

        assertThat(dsr.movesOutOfArea.all()).singleElement().satisfies(move -> {
            assertThat(move.personId()).isEqualTo(person.id());
            assertThat(move.fromArea()).isEqualTo("SWINDON");
            assertThat(move.registerEntryId()).isEqualTo(entryId);
            assertThat(move.isOpen()).isTrue();
        });
    }

    @Test
    void aMoveWithinTheIcbOrOfSomeoneNotOnTheRegisterIsNoWorklistItem() {
        dsr.updating.address(person.id(), UpdatingPersonRecords.AddressChange.parse(
                new Address("2 Low Road", null, "Bath"), "ba1 1aa", ReferralSettings.OUT_OF_AREA, dsr.checks),
                DSR_TEAM, AccessPurpose.REGISTER_MANAGEMENT);
        Person onRegister = dsr.aPerson();
        dsr.register.save(org.opendsr.referral.register.domain.RegisterEntry.open(java.util.UUID.randomUUID(),
                onRegister.id(), java.util.UUID.randomUUID(), dsr.clock.instant(), null, java.util.Optional.empty()));
        dsr.updating.address(onRegister.id(), UpdatingPersonRecords.AddressChange.parse(
                new Address("2 Low Road", null, "Trowbridge"), "ba14 8aa", "WILTSHIRE", dsr.checks),
                DSR_TEAM, AccessPurpose.REGISTER_MANAGEMENT);

        assertThat(dsr.movesOutOfArea.all()).isEmpty();
    }

    @Test
    void aProfessionalWithNoNeedToKnowIsToldThePersonDoesNotExist() {
        Throwable refused = catchThrowable(() -> dsr.updating.diagnosis(person.id(), null, STRANGER,
                AccessPurpose.DIRECT_CARE));

        assertThat(Refusals.problemOf(refused)).isEqualTo("not-found");
        assertThat(dsr.people.byId(person.id()).orElseThrow().diagnosis()).isEqualTo("AUTISM");
    }

    @Test
    void anIdentityChangeToSomeoneElsesNhsNumberIsRefused() {
        String taken = TestNhsNumbers.next();
        Person other = Person.recorded(java.util.UUID.randomUUID(), "Alex", "Other", UseCases.BORN_2010, taken,
                "SN2 2BB", "SWINDON", null, null, null, null, null, null, dsr.clock.instant());
        dsr.people.add(other);

        Throwable refused = catchThrowable(() -> dsr.updating.identity(person.id(),
                identity("Sam", "Example", UseCases.BORN_2010, taken), DSR_TEAM,
                AccessPurpose.DATA_QUALITY));

        assertThat(Refusals.problemOf(refused)).isEqualTo("nhs-number-belongs-to-another-person");
        assertThat(dsr.people.byId(person.id()).orElseThrow().nhsNumber()).isNull();
    }

    @Test
    void anIdentityChangeThatMatchesSomeoneElseIsFlaggedAsAPossibleDuplicate() {
        Person other = Person.recorded(java.util.UUID.randomUUID(), "Alex", "Other", UseCases.BORN_2010, null,
                "SN2 2BB", "SWINDON", null, null, null, null, null, null, dsr.clock.instant());
        dsr.people.add(other);

        dsr.updating.identity(person.id(), identity("Alex", "Other", UseCases.BORN_2010,
                null), DSR_TEAM, AccessPurpose.DATA_QUALITY);

        assertThat(dsr.people.byId(person.id()).orElseThrow().givenName()).isEqualTo("Alex");
        assertThat(dsr.duplicateFlags.isFlagged(person.id(), other.id())).isTrue();
    }

    @Test
    void newContactsReplaceTheOldAndTouchTheRecord() {
        dsr.clock.advance(Duration.ofMinutes(5));

        dsr.updating.contacts(person.id(), List.of(new NewContact(ContactRelationship.PARENT_OR_CARER, "Jo Example",
                "01793 654321", null, true)), DSR_TEAM, AccessPurpose.DIRECT_CARE);

        assertThat(dsr.contacts.of(person.id())).singleElement()
                .satisfies(contact -> assertThat(contact.name()).isEqualTo("Jo Example"));
        assertThat(dsr.people.byId(person.id()).orElseThrow().updatedAt()).isEqualTo(dsr.clock.instant());
        assertThat(dsr.outbox.types()).containsExactly(EventTypes.PERSON_CONTACT_DETAILS_CHANGED_V1);
    }

    @Test
    void onlyAParentOrCarerHoldsParentalResponsibility() {
        Throwable refused = catchThrowable(() -> dsr.updating.contacts(person.id(), List.of(new NewContact(
                ContactRelationship.PAID_CARER, "Agency Carer", "01793 654321", null, true)), DSR_TEAM,
                AccessPurpose.DIRECT_CARE));

        assertThat(Refusals.fieldOf(refused)).isEqualTo("contacts[0].hasParentalResponsibility");
        assertThat(dsr.contacts.of(person.id())).isEmpty();
    }

    @Test
    void anIdentityIsCheckedWhereItIsParsedDateOfBirthFirst() {
        LocalDate today = LocalDate.now(dsr.clock);

        assertThat(Refusals.fieldOf(catchThrowable(() -> UpdatingPersonRecords.Identity.parse("Sam", "Example",
                today.plusDays(1), "999 123 4567", dsr.checks, today)))).isEqualTo("dateOfBirth");
        assertThat(Refusals.fieldOf(catchThrowable(() -> identity("Sam", "Example", UseCases.BORN_2010,
                "999 123 4567")))).isEqualTo("nhsNumber");
        assertThat(identity("Sam", "Example", UseCases.BORN_2010, null).nhsNumber()).as("left out: not known").isNull();
        // Issue 15: a blank NHS number is not an unknown one; read as one, it took the number off the record.
        assertThat(Refusals.fieldOf(catchThrowable(() -> identity("Sam", "Example", UseCases.BORN_2010, " "))))
                .isEqualTo("nhsNumber");
    }

    @Test
    void anAddressIsCheckedWhereItIsParsedPostcodeFirst() {
        Address lines = new Address("2 Low Road", null, "Bath");

        assertThat(Refusals.fieldOf(catchThrowable(() -> UpdatingPersonRecords.AddressChange.parse(lines,
                "not a postcode", "ATLANTIS", dsr.checks)))).isEqualTo("postcode");
        assertThat(Refusals.fieldOf(catchThrowable(() -> UpdatingPersonRecords.AddressChange.parse(lines,
                "BA1 1AA", "ATLANTIS", dsr.checks)))).isEqualTo("locality");
    }

    /** As the web edge does it: parsed and checked once, before the use case. */
    private UpdatingPersonRecords.Identity identity(String givenName, String familyName, LocalDate dateOfBirth,
                                                    String nhsNumber) {
        return UpdatingPersonRecords.Identity.parse(givenName, familyName, dateOfBirth, nhsNumber, dsr.checks,
                LocalDate.now(dsr.clock));
    }
}
