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
import org.opendsr.contracts.common.Diagnosis;
import org.opendsr.contracts.referral.ReferralReceived;
import org.opendsr.contracts.referral.ReferralRoute;
import org.opendsr.referral.TestNhsNumbers;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.inmemory.Refusals;
import org.opendsr.referral.inmemory.UseCases;
import org.opendsr.referral.lifecycle.domain.MinimumDataSet;
import org.opendsr.referral.lifecycle.domain.Referral;
import org.opendsr.referral.person.application.NewContact;
import org.opendsr.referral.person.application.NewPerson;
import org.opendsr.referral.person.domain.ContactRelationship;
import org.opendsr.referral.person.domain.Person;

/** The DSR team completes a self or family referral, against in-memory ports. */
class CompletingSelfOrFamilyReferralsTest {

    private static final MinimumDataSet DATA = new MinimumDataSet("Struggling at school", "Exclusion likely", null,
            null, null);

    private final UseCases dsr = new UseCases();

    private ReferralReceipt firstContact() {
        NewPerson person = new NewPerson("Sam", "Example", null, null, "SN1 1AA", null, null, null, null,
                List.of(new NewContact(ContactRelationship.PERSON, null, "01793 123456", null, false)), List.of());
        return dsr.referSelfOrFamily(person, null, DSR_TEAM, AccessPurpose.REFERRAL_MANAGEMENT);
    }

    @Test
    void completionFillsInThePersonAndAnnouncesTheReferralAtLast() {
        ReferralReceipt receipt = firstContact();
        String nhsNumber = TestNhsNumbers.next();

        dsr.completing.complete(receipt.referralId(), completion(BORN_2010, "SWINDON", nhsNumber, Diagnosis.AUTISM),
                DSR_TEAM, AccessPurpose.REFERRAL_MANAGEMENT);

        Person person = dsr.people.byId(receipt.personId()).orElseThrow();
        assertThat(person.dateOfBirth()).isEqualTo(BORN_2010);
        assertThat(person.locality()).isEqualTo("SWINDON");
        assertThat(person.nhsNumber()).isEqualTo(nhsNumber);
        assertThat(person.diagnosis()).isEqualTo("AUTISM");
        assertThat(person.givenName()).as("kept").isEqualTo("Sam");
        Referral referral = dsr.referrals.byId(receipt.referralId()).orElseThrow();
        assertThat(referral.isComplete()).isTrue();
        assertThat(referral.minimumDataSet()).isEqualTo(DATA);
        ReferralReceived received = dsr.outbox.only(EventTypes.REFERRAL_RECEIVED_V1, ReferralReceived.class);
        assertThat(received.route()).isEqualTo(ReferralRoute.SELF_OR_FAMILY);
        assertThat(received.locality()).isEqualTo("SWINDON");
        assertThat(dsr.locks.taken()).containsSubsequence("nhs-number:" + nhsNumber, "person:" + person.id());
    }

    @Test
    void aReferralIsCompletedOnce() {
        ReferralReceipt receipt = firstContact();
        CompletingSelfOrFamilyReferrals.Completion completion = completion(BORN_2010, "SWINDON", null, null);
        dsr.completing.complete(receipt.referralId(), completion, DSR_TEAM, AccessPurpose.REFERRAL_MANAGEMENT);

        Throwable refused = catchThrowable(() -> dsr.completing.complete(receipt.referralId(), completion, DSR_TEAM,
                AccessPurpose.REFERRAL_MANAGEMENT));

        assertThat(Refusals.problemOf(refused)).isEqualTo("referral-already-complete");
    }

    @Test
    void anNhsNumberSomeoneElseHasIsRefusedAndNothingIsCompleted() {
        String nhsNumber = TestNhsNumbers.next();
        dsr.referProfessionally(new NewPerson("Alex", "Other", BORN_2010, nhsNumber, "SN2 2BB",
                "SWINDON", null, null, null, List.of(), List.of()), DATA, REFERRER, AccessPurpose.REFERRAL_MANAGEMENT);
        ReferralReceipt receipt = firstContact();

        Throwable refused = catchThrowable(() -> dsr.completing.complete(receipt.referralId(),
                completion(BORN_2010, "SWINDON", nhsNumber, null),
                DSR_TEAM, AccessPurpose.REFERRAL_MANAGEMENT));

        assertThat(Refusals.problemOf(refused)).isEqualTo("nhs-number-belongs-to-another-person");
        assertThat(Refusals.fieldOf(refused)).isEqualTo("nhsNumber");
        assertThat(dsr.referrals.byId(receipt.referralId()).orElseThrow().isComplete()).isFalse();
        assertThat(dsr.people.byId(receipt.personId()).orElseThrow().dateOfBirth()).isNull();
    }

    @Test
    void aLocalityOutsideTheIcbIsRefusedWhereTheCompletionIsParsed() {
        Throwable refused = catchThrowable(() -> completion(BORN_2010, "ATLANTIS", null, null));

        assertThat(Refusals.problemOf(refused)).isEqualTo("invalid-request");
        assertThat(Refusals.fieldOf(refused)).isEqualTo("locality");
    }

    @Test
    void theCompletionIsCheckedInOneOrderDateOfBirthLocalityNhsNumber() {
        LocalDate today = LocalDate.now(dsr.clock);

        assertThat(Refusals.fieldOf(catchThrowable(() -> CompletingSelfOrFamilyReferrals.Completion.parse(
                today.plusDays(1), "ATLANTIS", "943 476 5918", null, DATA, dsr.checks, today))))
                .isEqualTo("dateOfBirth");
        assertThat(Refusals.fieldOf(catchThrowable(() -> completion(BORN_2010, "ATLANTIS", "943 476 5918", null))))
                .isEqualTo("locality");
        assertThat(Refusals.fieldOf(catchThrowable(() -> completion(BORN_2010, "SWINDON", "943 476 5918", null))))
                .isEqualTo("nhsNumber");
    }

    @Test
    void theNhsNumberIsParsedOnceLeftOutWhenNotKnownAndRefusedWhenBlank() {
        String nhsNumber = TestNhsNumbers.next();

        assertThat(completion(BORN_2010, "SWINDON", nhsNumber, null).nhsNumber().digits()).isEqualTo(nhsNumber);
        assertThat(completion(BORN_2010, "SWINDON", null, null).nhsNumber()).isNull();
        // Issue 15: blank is not a way to say "not known"; it is refused, naming the field.
        assertThat(Refusals.fieldOf(catchThrowable(() -> completion(BORN_2010, "SWINDON", "  ", null))))
                .isEqualTo("nhsNumber");
    }

    /** As the web edge does it: parsed and checked once, before the use case. */
    private CompletingSelfOrFamilyReferrals.Completion completion(LocalDate dateOfBirth, String locality,
                                                                  String nhsNumber, Diagnosis diagnosis) {
        return CompletingSelfOrFamilyReferrals.Completion.parse(dateOfBirth, locality, nhsNumber, diagnosis, DATA,
                dsr.checks, LocalDate.now(dsr.clock));
    }
}
