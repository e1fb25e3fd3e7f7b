package org.opendsr.meeting.agenda.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendsr.contracts.common.RagRating.AMBER;
import static org.opendsr.contracts.common.RagRating.BLUE;
import static org.opendsr.contracts.common.RagRating.GREEN;
import static org.opendsr.contracts.common.RagRating.RED;
import static org.opendsr.contracts.risk.ObligationKind.COMMUNITY_CTR;
import static org.opendsr.contracts.risk.ObligationKind.KEYWORKER_REFERRAL;
import static org.opendsr.contracts.risk.ObligationKind.MULTI_AGENCY_REVIEW;
import static org.opendsr.meeting.agenda.domain.AgendaExamples.at;
import static org.opendsr.meeting.agenda.domain.AgendaExamples.day;
import static org.opendsr.meeting.agenda.domain.AgendaExamples.onRegister;

import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opendsr.contracts.consent.ConsentStatus;

/**
 * Who a tracking meeting talks about and why, read as the policy. The meeting is on 2026-12-10, its agenda assembled
 * on 2026-12-08, the last one assembled on 2026-11-24, the next meeting on 2026-12-24 (AgendaExamples).
 */
class AgendaAssemblyTest {

    private final AgendaExamples area = new AgendaExamples();

    @Nested
    @DisplayName("New referrals and acceptances since the last meeting")
    class NewPeople {

        @Test
        void aReferralSinceTheLastMeetingNotYetDecidedIsOnAsANewReferral() {
            UUID person = area.add(new RegisterEntry(UUID.randomUUID(), at("2026-11-25"), null, false, null, null,
                    false, null, null, null, null, null));

            assertThat(area.itemOf(person).reasons()).containsExactly(new ItemReason(AgendaReason.NEW_REFERRAL,
                    "Referred on 2026-11-25, not yet accepted or declined"));
        }

        @Test
        void aReferralAcceptedSinceTheLastMeetingIsOnForBoth() {
            UUID person = area.add(new RegisterEntry(UUID.randomUUID(), at("2026-11-25"), at("2026-11-30"), true,
                    null, GREEN, true, null, day("2026-11-30"), at("2026-11-30"), null, null));

            assertThat(area.itemOf(person).reasons()).containsExactly(
                    new ItemReason(AgendaReason.NEW_REFERRAL, "Referred on 2026-11-25"),
                    new ItemReason(AgendaReason.ACCEPTED, "Accepted onto the register on 2026-11-30"));
        }

        @Test
        void anAcceptanceSinceTheLastMeetingOfAnOlderReferralIsOnAsAccepted() {
            UUID person = area.add(new RegisterEntry(UUID.randomUUID(), at("2026-11-02"), at("2026-11-26"), true,
                    null, GREEN, true, null, day("2026-11-26"), at("2026-11-26"), null, null));

            assertThat(area.itemOf(person).reasons()).extracting(ItemReason::code)
                    .containsExactly(AgendaReason.ACCEPTED);
        }

        @Test
        void referralsBeforeTheLastAgendaWereOnItAndAreNotNewNow() {
            UUID person = area.add(new RegisterEntry(UUID.randomUUID(), at("2026-11-20"), null, false, null, null,
                    false, null, null, null, null, null));

            assertThat(area.isOn(person)).isFalse();
        }

        @Test
        void aDeclinedReferralIsNotOnIt() {
            UUID person = area.add(new RegisterEntry(UUID.randomUUID(), at("2026-11-25"), null, false,
                    at("2026-11-27"), null, false, null, null, null, null, null));

            assertThat(area.isOn(person)).isFalse();
        }
    }

    @Nested
    @DisplayName("Everyone RED or BLUE, at every meeting")
    class RedAndBlue {

        @Test
        void redIsOnSayingSinceWhen() {
            UUID person = area.add(onRegister(RED, "2026-11-02"));

            assertThat(area.itemOf(person).reasons())
                    .containsExactly(new ItemReason(AgendaReason.RED, "Rated RED since 2026-11-02"));
        }

        @Test
        void blueIsOnAsAnInpatient() {
            UUID person = area.add(onRegister(BLUE, "2026-10-01"));

            assertThat(area.itemOf(person).reasons()).containsExactly(
                    new ItemReason(AgendaReason.BLUE, "Rated BLUE (an inpatient) since 2026-10-01"));
        }

        @Test
        void anIndicativeRatingSaysSo() {
            UUID person = area.add(new RegisterEntry(UUID.randomUUID(), at("2026-10-01"), at("2026-10-05"), true,
                    null, RED, true, null, day("2026-10-05"), at("2026-10-05"), null, null));

            assertThat(area.itemOf(person).reasons().get(0).why())
                    .isEqualTo("Rated RED since 2026-10-05 (indicative, from the referral)");
        }

        @Test
        void greenOrAmberWithNothingGoingOnIsNotOnIt() {
            UUID green = area.add(onRegister(GREEN, "2026-06-01"));
            UUID amber = area.add(onRegister(AMBER, "2026-06-01"));

            assertThat(area.isOn(green)).isFalse();
            assertThat(area.isOn(amber)).isFalse();
        }

        @Test
        void someoneWhoLeftTheRegisterIsNotOnItWhateverTheyWereRated() {
            UUID person = area.add(new RegisterEntry(UUID.randomUUID(), at("2025-01-06"), at("2025-01-20"), false,
                    at("2026-11-30"), RED, false, null, day("2026-10-01"), at("2026-10-01"), day("2026-11-01"),
                    null));
            area.actionOverdue(person, "2026-11-20");

            assertThat(area.isOn(person)).isFalse();
        }
    }

    @Nested
    @DisplayName("AMBER due review: the multi-agency review due by the next meeting")
    class AmberDueReview {

        @Test
        void amberWithTheReviewDueBeforeTheNextMeetingIsOn() {
            UUID person = area.add(onRegister(AMBER, "2026-09-01"));
            area.review(person, MULTI_AGENCY_REVIEW, "2026-12-20");

            assertThat(area.itemOf(person).reasons()).containsExactly(
                    new ItemReason(AgendaReason.AMBER_DUE_REVIEW, "AMBER: multi-agency review due 2026-12-20"));
        }

        @Test
        void anOverdueReviewSaysSinceWhen() {
            UUID person = area.add(onRegister(AMBER, "2026-09-01"));
            area.review(person, MULTI_AGENCY_REVIEW, "2026-12-01");

            assertThat(area.itemOf(person).reasons().get(0).why())
                    .isEqualTo("AMBER: multi-agency review overdue since 2026-12-01");
        }

        @Test
        void aReviewDueAfterTheNextMeetingWaitsForIt() {
            UUID person = area.add(onRegister(AMBER, "2026-09-01"));
            area.review(person, MULTI_AGENCY_REVIEW, "2026-12-28");

            assertThat(area.isOn(person)).isFalse();
        }

        @Test
        void dueOnTheDayOfTheNextMeetingIsStillForThisOne() {
            UUID person = area.add(onRegister(AMBER, "2026-09-01"));
            area.review(person, MULTI_AGENCY_REVIEW, "2026-12-24");

            assertThat(area.itemOf(person).hasReason(AgendaReason.AMBER_DUE_REVIEW)).isTrue();
        }
    }

    @Nested
    @DisplayName("Rating changes since the last meeting")
    class RatingChanges {

        @Test
        void aChangeSinceTheLastMeetingSaysFromWhatToWhat() {
            UUID person = area.add(new RegisterEntry(UUID.randomUUID(), at("2025-01-06"), at("2025-01-20"), true,
                    null, GREEN, false, AMBER, day("2026-11-20"), at("2026-11-30"), null, null));

            assertThat(area.itemOf(person).reasons()).containsExactly(
                    new ItemReason(AgendaReason.RATING_CHANGED, "Rating changed AMBER → GREEN on 2026-11-30"));
        }

        @Test
        void aChangeBeforeTheLastAgendaWasTalkedAboutThen() {
            UUID person = area.add(new RegisterEntry(UUID.randomUUID(), at("2025-01-06"), at("2025-01-20"), true,
                    null, GREEN, false, AMBER, day("2026-11-10"), at("2026-11-10"), null, null));

            assertThat(area.isOn(person)).isFalse();
        }

        @Test
        void aFirstRatingIsNotAChange() {
            UUID person = area.add(new RegisterEntry(UUID.randomUUID(), at("2025-01-06"), at("2025-01-20"), true,
                    null, GREEN, false, null, day("2026-11-30"), at("2026-11-30"), null, null));

            assertThat(area.isOn(person)).isFalse();
        }
    }

    @Nested
    @DisplayName("Overdue updates, consent renewals due, overdue actions, reviews due")
    class DueAndOverdue {

        @Test
        void anOverdueUpdateSaysSinceWhen() {
            UUID person = area.add(new RegisterEntry(UUID.randomUUID(), at("2025-01-06"), at("2025-01-20"), true,
                    null, GREEN, false, null, day("2026-01-01"), at("2026-01-01"), day("2026-11-15"), null));

            assertThat(area.itemOf(person).reasons()).containsExactly(
                    new ItemReason(AgendaReason.UPDATE_OVERDUE, "Update overdue since 2026-11-15"));
        }

        @Test
        void aConsentRenewalDueByTheNextMeetingIsOnAndOneLaterIsNot() {
            UUID due = area.add(consentDue("2026-12-15"));
            UUID overdue = area.add(consentDue("2026-12-01"));
            UUID later = area.add(consentDue("2027-01-15"));

            assertThat(area.itemOf(due).reasons()).containsExactly(
                    new ItemReason(AgendaReason.CONSENT_RENEWAL_DUE, "Consent renewal due 2026-12-15"));
            assertThat(area.itemOf(overdue).reasons()).containsExactly(
                    new ItemReason(AgendaReason.CONSENT_RENEWAL_DUE, "Consent renewal overdue since 2026-12-01"));
            assertThat(area.isOn(later)).isFalse();
        }

        @Test
        void consentThatLapsedOrWasWithdrawnIsNotARenewalDueButItsEnd() {
            UUID lapsed = area.add(consentEnded("2026-11-01", ConsentStatus.LAPSED));
            UUID withdrawn = area.add(consentEnded("2026-12-15", ConsentStatus.WITHDRAWN));
            UUID overdue = area.add(consentEnded("2026-12-01", ConsentStatus.OVERDUE));

            assertThat(area.itemOf(lapsed).reasons()).containsExactly(new ItemReason(AgendaReason.CONSENT_ENDED,
                    "Consent lapsed (renewal was due 2026-11-01): removal from the register expected"));
            assertThat(area.itemOf(withdrawn).reasons()).containsExactly(new ItemReason(AgendaReason.CONSENT_ENDED,
                    "Consent withdrawn: removal from the register expected"));
            // Still within the grace period: a renewal, overdue.
            assertThat(area.itemOf(overdue).reasons()).containsExactly(
                    new ItemReason(AgendaReason.CONSENT_RENEWAL_DUE, "Consent renewal overdue since 2026-12-01"));
        }

        @Test
        void overdueActionsAreCountedInOneReason() {
            UUID one = area.add(onRegister(GREEN, "2026-01-01"));
            UUID two = area.add(onRegister(GREEN, "2026-01-01"));
            area.actionOverdue(one, "2026-12-01");
            area.actionOverdue(two, "2026-11-20");
            area.actionOverdue(two, "2026-11-10");

            assertThat(area.itemOf(one).reasons()).containsExactly(
                    new ItemReason(AgendaReason.ACTION_OVERDUE, "1 action overdue (due 2026-12-01)"));
            assertThat(area.itemOf(two).reasons()).containsExactly(
                    new ItemReason(AgendaReason.ACTION_OVERDUE, "2 actions overdue (the oldest due 2026-11-10)"));
        }

        @Test
        void everyReviewDueByTheNextMeetingIsNamedInOneReason() {
            UUID person = area.add(onRegister(GREEN, "2026-01-01"));
            area.review(person, KEYWORKER_REFERRAL, "2026-12-20");
            area.review(person, COMMUNITY_CTR, "2026-12-05");
            area.review(person, MULTI_AGENCY_REVIEW, "2027-02-01");

            assertThat(area.itemOf(person).reasons()).containsExactly(new ItemReason(AgendaReason.REVIEW_DUE,
                    "Community C(E)TR overdue since 2026-12-05; Keyworker referral due 2026-12-20"));
        }

        @Test
        void theReviewThatPutsAmberOnTheAgendaIsNotRepeatedAsAReviewDue() {
            UUID person = area.add(onRegister(AMBER, "2026-09-01"));
            area.review(person, MULTI_AGENCY_REVIEW, "2026-12-20");
            area.review(person, COMMUNITY_CTR, "2026-12-22");

            assertThat(area.itemOf(person).reasons()).containsExactly(
                    new ItemReason(AgendaReason.AMBER_DUE_REVIEW, "AMBER: multi-agency review due 2026-12-20"),
                    new ItemReason(AgendaReason.REVIEW_DUE, "Community C(E)TR due 2026-12-22"));
        }

        private RegisterEntry consentDue(String dueOn) {
            return new RegisterEntry(UUID.randomUUID(), at("2025-01-06"), at("2025-01-20"), true, null, GREEN, false,
                    null, day("2026-01-01"), at("2026-01-01"), null, day(dueOn));
        }

        private RegisterEntry consentEnded(String dueOn, ConsentStatus status) {
            return new RegisterEntry(UUID.randomUUID(), at("2025-01-06"), at("2025-01-20"), true, null, GREEN, false,
                    null, day("2026-01-01"), at("2026-01-01"), null, day(dueOn), status);
        }
    }

    @Nested
    @DisplayName("One item per person, in the order a chair takes them")
    class Items {

        @Test
        void aPersonWithThreeReasonsIsOneItemWithThreeReasons() {
            UUID person = area.add(new RegisterEntry(UUID.randomUUID(), at("2025-01-06"), at("2025-01-20"), true,
                    null, RED, false, AMBER, day("2026-11-26"), at("2026-11-26"), day("2026-11-30"), null));
            area.review(person, COMMUNITY_CTR, "2026-12-10");

            assertThat(area.assembled()).hasSize(1);
            assertThat(area.itemOf(person).reasons()).containsExactly(
                    new ItemReason(AgendaReason.RED, "Rated RED since 2026-11-26"),
                    new ItemReason(AgendaReason.RATING_CHANGED, "Rating changed AMBER → RED on 2026-11-26"),
                    new ItemReason(AgendaReason.UPDATE_OVERDUE, "Update overdue since 2026-11-30"),
                    new ItemReason(AgendaReason.REVIEW_DUE, "Community C(E)TR due 2026-12-10"));
        }

        @Test
        void blueThenRedThenAmberDueReviewThenTheRestEachLongestStandingFirst() {
            UUID newReferral = area.add(new RegisterEntry(UUID.randomUUID(), at("2026-11-25"), null, false, null,
                    null, false, null, null, null, null, null));
            UUID redLately = area.add(onRegister(RED, "2026-11-20"));
            UUID amber = area.add(onRegister(AMBER, "2026-06-01"));
            area.review(amber, MULTI_AGENCY_REVIEW, "2026-12-12");
            UUID blue = area.add(onRegister(BLUE, "2026-11-01"));
            UUID redLongAgo = area.add(onRegister(RED, "2026-08-01"));
            UUID overdueUpdate = area.add(new RegisterEntry(UUID.randomUUID(), at("2025-01-06"), at("2025-01-20"),
                    true, null, GREEN, false, null, day("2026-01-01"), at("2026-01-01"), day("2026-11-15"), null));

            assertThat(area.assembled()).extracting(AgendaItem::personId)
                    .containsExactly(blue, redLongAgo, redLately, amber, overdueUpdate, newReferral);
        }

        @Test
        void noReasonWordsNameThePerson() {
            UUID person = area.add(onRegister(RED, "2026-11-02"));

            assertThat(area.itemOf(person).reasons()).allSatisfy(reason ->
                    assertThat(reason.why()).doesNotContain(person.toString()));
        }
    }
}
