package org.opendsr.referral.intake.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.opendsr.referral.inmemory.UseCases.BORN_2010;
import static org.opendsr.referral.inmemory.UseCases.DSR_TEAM;
import static org.opendsr.referral.inmemory.UseCases.REFERRER;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.contracts.referral.ReferralReceived;
import org.opendsr.contracts.referral.ReferralRoute;
import org.opendsr.referral.TestNhsNumbers;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.inmemory.Refusals;
import org.opendsr.referral.inmemory.UseCases;
import org.opendsr.referral.lifecycle.domain.MinimumDataSet;
import org.opendsr.referral.lifecycle.domain.Referral;
import org.opendsr.referral.lifecycle.domain.ReferralStatus;
import org.opendsr.referral.person.application.Address;
import org.opendsr.referral.person.application.Demographics;
import org.opendsr.referral.person.application.NewContact;
import org.opendsr.referral.person.application.NewPerson;
import org.opendsr.referral.person.domain.ContactRelationship;
import org.opendsr.referral.person.domain.Person;

/** Receiving referrals (professional and self or family), against in-memory ports. */
class ReceivingReferralsTest {

    private static final MinimumDataSet DATA = new MinimumDataSet("Escalating distress", "Placement at risk", null,
            null, RagRating.RED);

    private final UseCases dsr = new UseCases();

    private static NewPerson person(String givenName, LocalDate born, String nhsNumber, String postcode) {
        return new NewPerson(givenName, "Example", born, nhsNumber, postcode, "SWINDON",
                new Address("1 High Street", null, "Swindon"), Demographics.NOT_GIVEN, null,
                List.of(new NewContact(ContactRelationship.PERSON, null, "01793 123456", null, false)), List.of());
    }

    @Test
    void aProfessionalReferralForSomeoneNewRecordsThemAndAnnouncesTheReferral() {
        String nhsNumber = TestNhsNumbers.next();

        ReferralReceipt receipt = dsr.referProfessionally(
                person("Sam", BORN_2010, TestNhsNumbers.formatted(nhsNumber), "sn1 1aa"), DATA, REFERRER,
                AccessPurpose.REFERRAL_MANAGEMENT);

        assertThat(receipt.personWasKnown()).isFalse();
        assertThat(receipt.status()).isEqualTo(ReferralStatus.RECEIVED);
        Person recorded = dsr.people.byId(receipt.personId()).orElseThrow();
        assertThat(recorded.nhsNumber()).as("parsed once: digits only").isEqualTo(nhsNumber);
        assertThat(recorded.postcode()).as("parsed once: as Royal Mail writes it").isEqualTo("SN1 1AA");
        assertThat(dsr.contacts.of(recorded.id())).hasSize(1);
        Referral referral = dsr.referrals.byId(receipt.referralId()).orElseThrow();
        assertThat(referral.isComplete()).isTrue();
        assertThat(referral.referredBy()).isEqualTo(REFERRER.userId());
        assertThat(receipt.firstContactDueOn()).as("5 working days after a Monday").isEqualTo(LocalDate.of(2026, 3, 9));
        ReferralReceived received = dsr.outbox.only(EventTypes.REFERRAL_RECEIVED_V1, ReferralReceived.class);
        assertThat(received.route()).isEqualTo(ReferralRoute.PROFESSIONAL);
        assertThat(received.indicativeRag()).isEqualTo(RagRating.RED);
        assertThat(dsr.audit.of(recorded.id())).contains("CREATED person", "CREATED referral " + referral.id());
    }

    @Test
    void aSecondReferralWithTheSameNhsNumberFindsThePersonAndFillsOnlyTheGaps() {
        String nhsNumber = TestNhsNumbers.next();
        ReferralReceipt first = dsr.referProfessionally(person("Sam", BORN_2010, nhsNumber,
                "SN1 1AA"), DATA, REFERRER, AccessPurpose.REFERRAL_MANAGEMENT);

        ReferralReceipt second = dsr.referProfessionally(person("Samuel", BORN_2010, nhsNumber,
                "SN1 1AA"), DATA, REFERRER, AccessPurpose.REFERRAL_MANAGEMENT);

        assertThat(second.personWasKnown()).isTrue();
        assertThat(second.personId()).isEqualTo(first.personId());
        assertThat(dsr.people.count()).isEqualTo(1);
        assertThat(dsr.people.byId(first.personId()).orElseThrow().givenName()).as("never written over")
                .isEqualTo("Sam");
        assertThat(second.detailsKeptForReview()).containsExactly("givenName");
        assertThat(dsr.detailsToReview.of(second.referralId())).containsKey("givenName");
        assertThat(dsr.locks.taken()).containsSubsequence("nhs-number:" + nhsNumber, "person:" + first.personId());
    }

    @Test
    void aReferralFillsTheGapsOfAKnownPersonsRecordAndSavesIt() {
        String nhsNumber = TestNhsNumbers.next();
        Person known = Person.recorded(java.util.UUID.randomUUID(), "Sam", "Example", BORN_2010, nhsNumber,
                "SN1 1AA", null, null, null, null, null, null, null, dsr.clock.instant());
        dsr.people.add(known);
        dsr.clock.advance(java.time.Duration.ofDays(1));

        ReferralReceipt receipt = dsr.referProfessionally(person("Sam", BORN_2010, nhsNumber,
                "SN1 1AA"), DATA, REFERRER, AccessPurpose.REFERRAL_MANAGEMENT);

        Person saved = dsr.people.byId(known.id()).orElseThrow();
        assertThat(receipt.personWasKnown()).isTrue();
        assertThat(saved.locality()).isEqualTo("SWINDON");
        assertThat(saved.addressLine1()).isEqualTo("1 High Street");
        assertThat(saved.updatedAt()).isEqualTo(dsr.clock.instant());
        assertThat(dsr.audit.of(known.id())).contains("CHANGED record: details added by referral "
                + receipt.referralId());
    }

    @Test
    void anNhsNumberHeldForSomeoneBornOnAnotherDayIsTakenInAsSomeoneNewAndKeptForTheDsrTeam() {
        String nhsNumber = TestNhsNumbers.next();
        ReferralReceipt first = dsr.referProfessionally(person("Sam", BORN_2010, nhsNumber, "SN1 1AA"), DATA,
                REFERRER, AccessPurpose.REFERRAL_MANAGEMENT);

        ReferralReceipt second = dsr.referProfessionally(
                person("Alex", BORN_2010.plusYears(1), nhsNumber, "SN1 1AA"), DATA, REFERRER,
                AccessPurpose.REFERRAL_MANAGEMENT);

        assertThat(second.personId()).as("never linked to the holder").isNotEqualTo(first.personId());
        assertThat(second.personWasKnown()).isFalse();
        assertThat(dsr.people.byId(second.personId()).orElseThrow().nhsNumber()).as("the holder keeps it").isNull();
        assertThat(dsr.people.byId(first.personId()).orElseThrow().givenName()).isEqualTo("Sam");
        assertThat(dsr.detailsToReview.of(second.referralId())).containsEntry("nhsNumber", nhsNumber);
        assertThat(dsr.duplicateFlags.isFlagged(first.personId(), second.personId())).isTrue();
        assertThat(dsr.audit.of(first.personId())).anyMatch(entry -> entry.contains("referral "
                + second.referralId() + " gave this person's NHS number"));
        assertThat(dsr.audit.of(second.personId())).anyMatch(entry -> entry.contains("held for person "
                + first.personId()));
    }

    @Test
    void anInvalidNhsNumberIsRefusedNamingTheFieldBeforeAnythingIsWritten() {
        Throwable refused = catchThrowable(() -> dsr.referProfessionally(
                person("Sam", BORN_2010, "999 123 4567", "SN1 1AA"), DATA, REFERRER,
                AccessPurpose.REFERRAL_MANAGEMENT));

        assertThat(Refusals.problemOf(refused)).isEqualTo("invalid-request");
        assertThat(Refusals.fieldOf(refused)).isEqualTo("nhsNumber");
        assertThat(dsr.people.count()).isZero();
    }

    @Test
    void aBlankNhsNumberIsNotAnUnknownOneAndIsRefusedBeforeAnythingIsWritten() {
        // Issue 15: left out, the NHS number is not known; "" or spaces were read the same and made a person without one.
        for (String blank : new String[] {"", "   "}) {
            Throwable refused = catchThrowable(() -> dsr.referProfessionally(person("Sam", BORN_2010, blank, "SN1 1AA"),
                    DATA, REFERRER, AccessPurpose.REFERRAL_MANAGEMENT));

            assertThat(Refusals.problemOf(refused)).isEqualTo("invalid-request");
            assertThat(Refusals.fieldOf(refused)).isEqualTo("nhsNumber");
        }
        assertThat(dsr.people.count()).isZero();
    }

    @Test
    void aBadPostcodeIsRefusedNamingTheField() {
        Throwable refused = catchThrowable(() -> dsr.referProfessionally(
                person("Sam", BORN_2010, null, "not a postcode"), DATA, REFERRER, AccessPurpose.REFERRAL_MANAGEMENT));

        assertThat(Refusals.fieldOf(refused)).isEqualTo("postcode");
    }

    @Test
    void twoPeopleWithTheSameNameAndBirthdayButNoSharedNhsNumberAreFlaggedNotMerged() {
        ReferralReceipt first = dsr.referProfessionally(person("Sam", BORN_2010, null, "SN1 1AA"),
                DATA, REFERRER, AccessPurpose.REFERRAL_MANAGEMENT);

        ReferralReceipt second = dsr.referProfessionally(person("Sam", BORN_2010, null, "SN2 2BB"),
                DATA, REFERRER, AccessPurpose.REFERRAL_MANAGEMENT);

        assertThat(second.personId()).isNotEqualTo(first.personId());
        assertThat(dsr.duplicateFlags.isFlagged(first.personId(), second.personId())).isTrue();
    }

    @Test
    void aSelfOrFamilyReferralIsKeptQuietUntilItIsCompleted() {
        NewPerson firstContact = new NewPerson("Sam", "Example", null, null, "SN1 1AA", null, null, null, null,
                List.of(new NewContact(ContactRelationship.PARENT_OR_CARER, "Jo Example", null, "jo@example.org",
                        true)), List.of());

        ReferralReceipt receipt = dsr.referSelfOrFamily(firstContact, "Struggling at school",
                DSR_TEAM, AccessPurpose.REFERRAL_MANAGEMENT);

        Referral referral = dsr.referrals.byId(receipt.referralId()).orElseThrow();
        assertThat(referral.isComplete()).isFalse();
        assertThat(referral.minimumDataSet().reasonForReferral()).isEqualTo("Struggling at school");
        assertThat(dsr.outbox.types()).isEmpty();
    }

    @Test
    void aSelfOrFamilyReferralNeedsAWayToReachBack() {
        NewPerson firstContact = new NewPerson("Sam", "Example", null, null, "SN1 1AA", null, null, null, null,
                List.of(new NewContact(ContactRelationship.PAID_CARER, null, null, null, false)), List.of());

        Throwable refused = catchThrowable(() -> dsr.referSelfOrFamily(firstContact, null,
                DSR_TEAM, AccessPurpose.REFERRAL_MANAGEMENT));

        assertThat(Refusals.fieldOf(refused)).as("checked before who made it, as the API always did")
                .isEqualTo("phone");
    }

    @Test
    void theReferredPersonIsParsedOnceWhereTheReferralComesIn() {
        String nhsNumber = TestNhsNumbers.next();

        ReceivingReferrals.ReferredPerson referred = dsr.receiving.professionalReferral(
                person("Sam", BORN_2010, TestNhsNumbers.formatted(nhsNumber), "sn1 1aa"));

        assertThat(referred.postcode()).isEqualTo("SN1 1AA");
        assertThat(referred.nhsNumber()).map(number -> number.digits()).contains(nhsNumber);
        assertThat(referred.toString()).doesNotContain("Sam").doesNotContain(nhsNumber);
        assertThat(dsr.people.count()).as("parsing writes nothing").isZero();
    }

    @Test
    void aProfessionalReferralIsCheckedPersonFirstThenContacts() {
        NewPerson badEverywhere = new NewPerson("Sam", "Example", BORN_2010, null, "not a postcode", "SWINDON", null,
                null, null, List.of(new NewContact(ContactRelationship.PERSON, null, null, null, false)), List.of());

        assertThat(Refusals.fieldOf(catchThrowable(() -> dsr.receiving.professionalReferral(badEverywhere))))
                .isEqualTo("postcode");
    }

    @Test
    void aSelfOrFamilyReferralIsCheckedFirstContactFirstThenThePerson() {
        NewPerson badEverywhere = new NewPerson("Sam", "Example", null, null, "not a postcode", null, null, null,
                null, List.of(new NewContact(ContactRelationship.PAID_CARER, null, "01793 123456", null, false)),
                List.of());

        assertThat(Refusals.fieldOf(catchThrowable(() -> dsr.receiving.selfOrFamilyReferral(badEverywhere))))
                .isEqualTo("madeBy.relationship");
    }
}
