package org.opendsr.consent.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opendsr.consent.domain.ConsentExamples.RECORDING;
import static org.opendsr.consent.domain.ConsentExamples.TODAY;
import static org.opendsr.consent.domain.ConsentExamples.aChild;
import static org.opendsr.consent.domain.ConsentExamples.aChildOf16Or17;
import static org.opendsr.consent.domain.ConsentExamples.aChildReferred;
import static org.opendsr.consent.domain.ConsentExamples.anAdult;
import static org.opendsr.consent.domain.ConsentExamples.bestInterestsDecision;
import static org.opendsr.consent.domain.ConsentExamples.informedConsent;
import static org.opendsr.consent.domain.ConsentExamples.parentalResponsibility;
import static org.opendsr.consent.domain.ConsentExamples.recorded;

import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opendsr.contracts.common.AgeBand;
import org.opendsr.contracts.consent.ConsentBasis;
import org.opendsr.contracts.consent.ConsentWithdrawalReason;
import org.opendsr.kit.rules.RuleBroken;

/** What each basis needs, who may give it, for whom and when: a bad combination is refused naming the problem. */
class ConsentRecordingTest {

    private static ConsentRecording.Recorded record(KnownPerson person, ConsentExamples.Given given) {
        return RECORDING.record(UUID.randomUUID(), person, given.build(), Optional.empty(), Optional.empty(), TODAY);
    }

    private static void refusedAsInvalid(ThrowingCallable recording, String field) {
        assertThatThrownBy(recording).isInstanceOfSatisfying(RuleBroken.class, broken -> {
            assertThat(broken.kind()).isEqualTo(RuleBroken.Kind.INVALID_REQUEST);
            assertThat(broken.field()).isEqualTo(field);
        });
    }

    private static void refusedAsConflict(ThrowingCallable recording, String problem) {
        assertThatThrownBy(recording).isInstanceOfSatisfying(RuleBroken.class, broken -> {
            assertThat(broken.kind()).isEqualTo(RuleBroken.Kind.CONFLICT);
            assertThat(broken.problem()).isEqualTo(problem);
        });
    }

    @Nested
    @DisplayName("Each basis and who may give it")
    class Bases {

        @Test
        void informedConsentIsGivenByThePersonThemselves() {
            assertThat(record(anAdult(), informedConsent()).consent().state()).isEqualTo(ConsentState.ACTIVE);
            refusedAsInvalid(() -> record(anAdult(), informedConsent().givenBy(ConsentGiver.PARENT)), "givenBy");
        }

        @Test
        void aChildMayGiveTheirOwnInformedConsent() {
            assertThat(record(aChild(AgeBand.AGE_10_TO_13), informedConsent()).consent().givenForChild()).isTrue();
        }

        @Test
        void parentalResponsibilityIsGivenByAParentAnotherPersonWithItOrTheLocalAuthority() {
            for (ConsentGiver giver : new ConsentGiver[] {ConsentGiver.PARENT,
                    ConsentGiver.OTHER_PERSON_WITH_PARENTAL_RESPONSIBILITY, ConsentGiver.LOCAL_AUTHORITY}) {
                assertThat(record(aChildOf16Or17(), parentalResponsibility().givenBy(giver)).consent().state())
                        .isEqualTo(ConsentState.ACTIVE);
            }
            refusedAsInvalid(() -> record(aChildOf16Or17(), parentalResponsibility().givenBy(ConsentGiver.THE_PERSON)),
                    "givenBy");
        }

        @Test
        void parentalResponsibilityOnlyWhileThePersonIsAChild() {
            refusedAsConflict(() -> record(anAdult(), parentalResponsibility()), "parental-responsibility-for-an-adult");
            // From the first of the month in which they turn 18: consent-service never knows the day.
            KnownPerson turning18 = aChildOf16Or17().turning18In(YearMonth.from(TODAY));
            refusedAsConflict(() -> record(turning18, parentalResponsibility().givenOn(TODAY.minusMonths(1))),
                    "parental-responsibility-for-an-adult");
        }

        @Test
        void aBestInterestsDecisionNeedsTheCapacityAssessmentDateAndTheDecisionMakersRole() {
            Consent consent = record(anAdult(), bestInterestsDecision()).consent();
            assertThat(consent.given().bestInterests().decisionMakerRole()).isEqualTo("Consultant psychiatrist");

            refusedAsInvalid(() -> record(anAdult(), bestInterestsDecision().bestInterests(null)), "bestInterests");
            refusedAsInvalid(() -> record(anAdult(), bestInterestsDecision()
                    .givenBy(ConsentGiver.PARENT)), "givenBy");
        }

        @Test
        void onlyABestInterestsDecisionHasACapacityAssessment() {
            refusedAsInvalid(() -> record(anAdult(), informedConsent()
                    .bestInterests(new BestInterestsDecision(TODAY, "Social worker"))), "bestInterests");
        }

        @Test
        void theCapacityAssessmentComesBeforeTheDecision() {
            refusedAsInvalid(() -> record(anAdult(), bestInterestsDecision()
                            .bestInterests(new BestInterestsDecision(TODAY.plusDays(1), "Social worker"))),
                    "bestInterests.capacityAssessedOn");
            assertThat(record(anAdult(), bestInterestsDecision()
                    .bestInterests(new BestInterestsDecision(TODAY, "Social worker"))).consent()).isNotNull();
        }

        @Test
        void theMentalCapacityActAppliesFrom16() {
            refusedAsConflict(() -> record(aChild(AgeBand.AGE_10_TO_13), bestInterestsDecision()),
                    "mental-capacity-act-under-16");
            refusedAsConflict(() -> record(aChild(AgeBand.AGE_0_TO_9), informedConsent()
                    .basis(ConsentBasis.WELFARE_DEPUTY_OR_ATTORNEY, ConsentGiver.WELFARE_DEPUTY)),
                    "mental-capacity-act-under-16");
            assertThat(record(aChildOf16Or17(), bestInterestsDecision()).consent().state()).isEqualTo(ConsentState.ACTIVE);
        }

        @Test
        void someoneReferredAt14Or15HasNoBestInterestsDecisionNorDeputy() {
            KnownPerson fifteen = aChildReferred(AgeBand.AGE_14_TO_17, true, TODAY.minusMonths(1));

            refusedAsConflict(() -> record(fifteen, bestInterestsDecision()), "mental-capacity-act-under-16");
            refusedAsConflict(() -> record(fifteen, informedConsent()
                    .basis(ConsentBasis.WELFARE_DEPUTY_OR_ATTORNEY, ConsentGiver.WELFARE_DEPUTY)),
                    "mental-capacity-act-under-16");
            assertThat(record(fifteen, parentalResponsibility()).consent()).isNotNull();
        }

        @Test
        void aBand14To17AloneCountsAsUnder16() {
            // A referral published before under16 existed, or one still in a store: 14 or 15 cannot be ruled out.
            refusedAsConflict(() -> record(aChild(AgeBand.AGE_14_TO_17), bestInterestsDecision()),
                    "mental-capacity-act-under-16");
        }

        @Test
        void someoneReferredAt15Is16FromTheFirstOfTheMonthAfterTheMonthTheyTurned16() {
            KnownPerson fifteen = aChildReferred(AgeBand.AGE_14_TO_17, true, TODAY.minusMonths(6));
            YearMonth lastMonth = YearMonth.from(TODAY).minusMonths(1);

            refusedAsConflict(() -> record(fifteen.turned16(YearMonth.from(TODAY)), bestInterestsDecision()),
                    "mental-capacity-act-under-16");
            KnownPerson sixteen = fifteen.turned16(lastMonth);
            assertThat(record(sixteen, bestInterestsDecision()).consent().state()).isEqualTo(ConsentState.ACTIVE);
            refusedAsConflict(() -> record(sixteen, bestInterestsDecision()
                            .givenOn(lastMonth.atEndOfMonth())
                            .bestInterests(new BestInterestsDecision(lastMonth.atEndOfMonth(), "Social worker"))),
                    "mental-capacity-act-under-16");
        }

        @Test
        void someoneReferredAged13IsNotKnownToBe16TwoYearsLater() {
            // 10 to 13 when referred: perhaps only 12 now. The 16th birthday's announcement settles it.
            KnownPerson referredLongAgo = aChildReferred(AgeBand.AGE_10_TO_13, true, TODAY.minusYears(2).minusDays(1));

            refusedAsConflict(() -> record(referredLongAgo, bestInterestsDecision()), "mental-capacity-act-under-16");
            assertThat(record(referredLongAgo.turned16(YearMonth.from(TODAY).minusMonths(3)), bestInterestsDecision())
                    .consent()).isNotNull();
        }

        @Test
        void someoneReferredAt16IsNotKnownToBe16BeforeTheReferral() {
            KnownPerson sixteen = aChildReferred(AgeBand.AGE_14_TO_17, false, TODAY.minusDays(3));

            refusedAsConflict(() -> record(sixteen, bestInterestsDecision().givenOn(TODAY.minusDays(4))
                            .bestInterests(new BestInterestsDecision(TODAY.minusDays(5), "Social worker"))),
                    "mental-capacity-act-under-16");
            assertThat(record(sixteen, bestInterestsDecision()).consent()).isNotNull();
        }

        @Test
        void aWelfareDeputyOrAnAttorneyConsentsForAnAdult() {
            assertThat(record(anAdult(), informedConsent()
                    .basis(ConsentBasis.WELFARE_DEPUTY_OR_ATTORNEY, ConsentGiver.HEALTH_AND_WELFARE_ATTORNEY))
                    .consent()).isNotNull();
            assertThat(record(aChildOf16Or17(), informedConsent()
                    .basis(ConsentBasis.WELFARE_DEPUTY_OR_ATTORNEY, ConsentGiver.WELFARE_DEPUTY)).consent()).isNotNull();
            refusedAsInvalid(() -> record(anAdult(), informedConsent()
                    .basis(ConsentBasis.WELFARE_DEPUTY_OR_ATTORNEY, ConsentGiver.THE_PERSON)), "givenBy");
        }

        @Test
        void onlyAnAdultCanHaveAnAttorney() {
            refusedAsConflict(() -> record(aChildOf16Or17(), informedConsent()
                    .basis(ConsentBasis.WELFARE_DEPUTY_OR_ATTORNEY, ConsentGiver.HEALTH_AND_WELFARE_ATTORNEY)),
                    "attorney-for-a-child");
        }
    }

    @Nested
    @DisplayName("Dates and free text")
    class DatesAndText {

        @Test
        void consentCannotBeGivenInTheFuture() {
            refusedAsInvalid(() -> record(anAdult(), informedConsent().givenOn(TODAY.plusDays(1))), "givenOn");
        }

        @Test
        void aDateMoreThan2YearsAgoIsAlmostCertainlyMistyped() {
            refusedAsInvalid(() -> record(anAdult(), informedConsent().givenOn(TODAY.minusYears(2).minusDays(1))),
                    "givenOn");
            assertThat(record(anAdult(), informedConsent().givenOn(TODAY.minusYears(2))).consent()).isNotNull();
        }

        @Test
        void anOtherFormatIsNamedAndOnlyThen() {
            assertThat(record(anAdult(), informedConsent()
                    .explainedWith(ExplanationFormat.OTHER, "British Sign Language interpreter")).consent()).isNotNull();
            refusedAsInvalid(() -> record(anAdult(), informedConsent().explainedWith(ExplanationFormat.OTHER, null)),
                    "explainedWithDetail");
            refusedAsInvalid(() -> record(anAdult(), informedConsent()
                    .explainedWith(ExplanationFormat.STANDARD, "Pictures")), "explainedWithDetail");
        }

        @Test
        void whereTheFormIsKeptIsAShortPlaceNeverContactDetails() {
            refusedAsInvalid(() -> record(anAdult(), informedConsent().formKeptAt(" ")), "formKeptAt");
            refusedAsInvalid(() -> record(anAdult(), informedConsent().formKeptAt("x".repeat(201))), "formKeptAt");
            refusedAsInvalid(() -> record(anAdult(), informedConsent().formKeptAt("ask jo.bloggs@example.org")),
                    "formKeptAt");
            refusedAsInvalid(() -> record(anAdult(), informedConsent().formKeptAt("filed under 943 476 5919")),
                    "formKeptAt");
            refusedAsInvalid(() -> record(anAdult(), informedConsent().formKeptAt("line one\nline two")), "formKeptAt");
            assertThat(record(anAdult(), informedConsent().formKeptAt("Room 101, Civic Offices, paper file"))
                    .consent()).isNotNull();
        }

        @Test
        void theDecisionMakersRoleIsShortAndNeverContactDetails() {
            refusedAsInvalid(() -> record(anAdult(), bestInterestsDecision()
                            .bestInterests(new BestInterestsDecision(TODAY, "r".repeat(101)))),
                    "bestInterests.decisionMakerRole");
            refusedAsInvalid(() -> record(anAdult(), bestInterestsDecision()
                            .bestInterests(new BestInterestsDecision(TODAY, "Dr X, 01632 960 123"))),
                    "bestInterests.decisionMakerRole");
        }
    }

    @Nested
    @DisplayName("One open consent per person; renewals")
    class OneOpenConsent {

        @Test
        void aSecondConsentWhileOneIsOpenMustBeItsRenewal() {
            KnownPerson person = anAdult();
            Consent open = recorded(person, informedConsent());

            refusedAsConflict(() -> RECORDING.record(UUID.randomUUID(), person, informedConsent().build(),
                    Optional.of(open), Optional.empty(), TODAY), "consent-already-open");
        }

        @Test
        void aNewConsentAfterAWithdrawnOneIsNotARenewal() {
            KnownPerson person = anAdult();
            Consent withdrawn = recorded(person, informedConsent());
            withdrawn.withdraw(new Withdrawal(TODAY, ConsentWithdrawalReason.PERSON_WITHDREW, null, "p"), TODAY);

            assertThat(RECORDING.record(UUID.randomUUID(), person, informedConsent().build(), Optional.empty(),
                    Optional.empty(), TODAY).consent().state()).isEqualTo(ConsentState.ACTIVE);
            refusedAsConflict(() -> RECORDING.record(UUID.randomUUID(), person,
                    informedConsent().renewalOf(withdrawn.id()).build(), Optional.empty(), Optional.of(withdrawn), TODAY),
                    "consent-not-renewable");
        }

        @Test
        void aConsentCanBeRenewedOnlyOnce() {
            KnownPerson person = anAdult();
            Consent first = recorded(person, informedConsent().givenOn(TODAY.minusMonths(11)));
            RECORDING.record(UUID.randomUUID(), person, informedConsent().renewalOf(first.id()).build(),
                    Optional.of(first), Optional.of(first), TODAY);

            refusedAsConflict(() -> RECORDING.record(UUID.randomUUID(), person,
                    informedConsent().renewalOf(first.id()).build(), Optional.empty(), Optional.of(first), TODAY),
                    "consent-not-renewable");
        }

        @Test
        void aRenewalIsOfTheSamePersonsConsent() {
            Consent someoneElses = recorded(anAdult(), informedConsent());

            refusedAsInvalid(() -> RECORDING.record(UUID.randomUUID(), anAdult(),
                    informedConsent().renewalOf(someoneElses.id()).build(), Optional.empty(), Optional.of(someoneElses),
                    TODAY), "renewalOf");
        }

        @Test
        void aRenewalIsNotGivenBeforeTheConsentItRenews() {
            KnownPerson person = anAdult();
            Consent first = recorded(person, informedConsent().givenOn(TODAY.minusMonths(2)));

            refusedAsInvalid(() -> RECORDING.record(UUID.randomUUID(), person, informedConsent()
                    .givenOn(TODAY.minusMonths(3)).renewalOf(first.id()).build(), Optional.of(first),
                    Optional.of(first), TODAY), "givenOn");
        }

        @Test
        void aRenewalMustLeaveThePersonWithActiveConsent() {
            KnownPerson person = anAdult();
            Consent first = recorded(person, informedConsent().givenOn(TODAY.minusYears(1).minusWeeks(3)));

            refusedAsConflict(() -> RECORDING.record(UUID.randomUUID(), person, informedConsent()
                    .givenOn(TODAY.minusYears(1).minusWeeks(1)).renewalOf(first.id()).build(), Optional.of(first),
                    Optional.of(first), TODAY), "renewal-not-active");
            assertThat(first.state()).isEqualTo(ConsentState.OVERDUE);
        }

        @Test
        void aNewConsentMayBeOverdueAtOnce() {
            assertThat(record(anAdult(), informedConsent().givenOn(TODAY.minusYears(1).minusWeeks(1))).consent()
                    .state()).isEqualTo(ConsentState.OVERDUE);
        }
    }
}
