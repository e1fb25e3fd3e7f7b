package org.opendsr.meeting.outcomes.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opendsr.meeting.outcomes.domain.Outcomes.AREA;
import static org.opendsr.meeting.outcomes.domain.Outcomes.CATALOGUE;
import static org.opendsr.meeting.outcomes.domain.Outcomes.FEEDBACK_DUE;
import static org.opendsr.meeting.outcomes.domain.Outcomes.MEETING_DAY;
import static org.opendsr.meeting.outcomes.domain.Outcomes.NOW;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.kit.rules.RuleBroken;

/** The rules of a meeting's outcome about one person, as the DSR's meeting policy puts them. */
class MeetingOutcomeTest {

    private final UUID personId = UUID.randomUUID();

    @Test
    void aHeldTrackingMeetingRecordsWhatItDecidedAboutAPersonOfItsArea() {
        RecordedOutcome recorded = Outcomes.record(Outcomes.heldTracking(), personId, Outcomes.agreeing(
                RagRating.AMBER));

        MeetingOutcome outcome = recorded.outcome();
        assertThat(outcome.personId()).isEqualTo(personId);
        assertThat(outcome.area()).isEqualTo(AREA);
        assertThat(outcome.meetingDay()).isEqualTo(MEETING_DAY);
        assertThat(outcome.agreedRating()).contains(new AgreedRating(RagRating.AMBER, "Placement stable for a month",
                true));
        assertThat(outcome.feedbackDueOn()).isEqualTo(FEEDBACK_DUE);
        assertThat(recorded.actions()).singleElement().satisfies(action -> {
            assertThat(action.outcomeId()).isEqualTo(outcome.id());
            assertThat(action.statusOn(MEETING_DAY)).isEqualTo(ActionStatus.OPEN);
        });
        assertThat(recorded.recommendations()).singleElement().satisfies(recommendation -> {
            assertThat(recommendation.serviceType()).isEqualTo("SHORT_BREAKS");
            assertThat(recommendation.status()).isEqualTo(RecommendationStatus.MADE);
            assertThat(recommendation.madeOn()).isEqualTo(MEETING_DAY);
        });
    }

    @Test
    void anOutcomeIsOnlyForAMeetingThatWasHeld() {
        assertThatThrownBy(() -> Outcomes.record(Outcomes.scheduledTracking(), personId, Outcomes.discussed()))
                .isInstanceOfSatisfying(RuleBroken.class, refused -> {
                    assertThat(refused.kind()).isEqualTo(RuleBroken.Kind.CONFLICT);
                    assertThat(refused.problem()).isEqualTo("meeting-not-held");
                });
    }

    @Test
    void aMeetingByExceptionRecordsAnOutcomeOnlyAboutItsPerson() {
        assertThat(Outcomes.record(Outcomes.heldException(personId), personId, Outcomes.discussed()).outcome()
                .personId()).isEqualTo(personId);
        assertThatThrownBy(() -> Outcomes.record(Outcomes.heldException(personId), UUID.randomUUID(),
                Outcomes.discussed()))
                .isInstanceOfSatisfying(RuleBroken.class, refused -> {
                    assertThat(refused.problem()).isEqualTo("not-the-meetings-person");
                    assertThat(refused.field()).isEqualTo("personId");
                });
    }

    @Test
    void aTrackingMeetingRecordsOutcomesOnlyAboutPeopleKnownInItsArea() {
        assertThatThrownBy(() -> MeetingOutcome.record(Outcomes.heldTracking(), personId, "WILTSHIRE",
                Outcomes.discussed(), CATALOGUE, NOW, MEETING_DAY, FEEDBACK_DUE, "dsr-team-1"))
                .isInstanceOfSatisfying(RuleBroken.class, refused ->
                        assertThat(refused.problem()).isEqualTo("person-not-in-meeting-area"));
        assertThatThrownBy(() -> MeetingOutcome.record(Outcomes.heldTracking(), personId, null,
                Outcomes.discussed(), CATALOGUE, NOW, MEETING_DAY, FEEDBACK_DUE, "dsr-team-1"))
                .isInstanceOfSatisfying(RuleBroken.class, refused ->
                        assertThat(refused.problem()).isEqualTo("unknown-person"));
    }

    @Test
    void theDiscussionSummaryIsRequiredAndAtMost4000Characters() {
        assertInvalid(new OutcomeAsked(" ", null, null, null, null, null, null), "summary");
        assertInvalid(new OutcomeAsked("x".repeat(4001), null, null, null, null, null, null), "summary");
        assertThat(Outcomes.record(Outcomes.heldTracking(), personId,
                new OutcomeAsked("x".repeat(4000), null, null, null, null, null, null)).outcome().summary())
                .hasSize(4000);
    }

    @Test
    void eachDecisionIsShortText() {
        assertInvalid(new OutcomeAsked("Discussed", List.of("Keep", ""), null, null, null, null, null),
                "decisions[1]");
        assertInvalid(new OutcomeAsked("Discussed", List.of("x".repeat(501)), null, null, null, null, null),
                "decisions[0]");
    }

    @Test
    void anAgreedRatingNeedsItsRationaleAndWhetherThePersonAndFamilyTookPart() {
        assertInvalid(new OutcomeAsked("Discussed", null, RagRating.GREEN, null, true, null, null),
                "ratingRationale");
        assertInvalid(new OutcomeAsked("Discussed", null, RagRating.GREEN, "Settled", null, null, null),
                "discussedWithPersonAndFamily");
        assertInvalid(new OutcomeAsked("Discussed", null, RagRating.GREEN, "x".repeat(2001), false, null, null),
                "ratingRationale");
        assertInvalid(new OutcomeAsked("Discussed", null, null, "A rationale without a rating", null, null, null),
                "agreedRating");
        assertThat(Outcomes.record(Outcomes.heldTracking(), personId, Outcomes.discussed()).outcome().agreedRating())
                .isEmpty();
    }

    @Test
    void anActionNamesWhatWhoseAndByWhenNeverInThePast() {
        assertInvalid(withAction(new ActionAsked("", "swindon-cldt", null, MEETING_DAY)), "actions[0].description");
        assertInvalid(withAction(new ActionAsked("Review", " ", null, MEETING_DAY)), "actions[0].ownerAgency");
        assertInvalid(withAction(new ActionAsked("Review", "Swindon CLDT", null, MEETING_DAY)),
                "actions[0].ownerAgency");
        assertInvalid(withAction(new ActionAsked("Review", "swindon-cldt", null, null)), "actions[0].dueOn");
        assertInvalid(withAction(new ActionAsked("Review", "swindon-cldt", null, MEETING_DAY.minusDays(1))),
                "actions[0].dueOn");
        // Beyond the planning horizon: a typing error (year 20266), refused before it reaches the database.
        assertInvalid(withAction(new ActionAsked("Review", "swindon-cldt", null, MEETING_DAY.plusYears(2)
                .plusDays(1))), "actions[0].dueOn");
        assertInvalid(withAction(new ActionAsked("Review", "swindon-cldt", null, LocalDate.of(20266, 12, 3))),
                "actions[0].dueOn");
        assertThat(Outcomes.record(Outcomes.heldTracking(), personId,
                withAction(new ActionAsked("Review", "swindon-cldt", null, MEETING_DAY.plusYears(2)))).actions())
                .hasSize(1);
        assertThat(Outcomes.record(Outcomes.heldTracking(), personId,
                withAction(new ActionAsked("Review", "swindon-cldt", null, MEETING_DAY))).actions()).hasSize(1);
    }

    @Test
    void aRecommendationIsAServiceTypeFromTheCatalogue() {
        OutcomeAsked unknown = new OutcomeAsked("Discussed", null, null, null, null, null,
                List.of(new RecommendationAsked("KEYWORKER", null), new RecommendationAsked("A_GOOD_HOME", null)));
        assertInvalid(unknown, "recommendations[1].serviceType");
    }

    @Test
    void anOutcomeHasAtMost30ActionsAndRecommendations() {
        OutcomeAsked tooMany = new OutcomeAsked("Discussed", null, null, null, null,
                Collections.nCopies(31, Outcomes.action(MEETING_DAY)), null);
        assertInvalid(tooMany, "actions");
    }

    @Test
    void feedbackToTheReferrerIsGivenOnceAndIsLateOnlyAfterItsDay() {
        MeetingOutcome outcome = Outcomes.record(Outcomes.heldTracking(), personId, Outcomes.discussed()).outcome();
        assertThat(outcome.feedbackLateOn(FEEDBACK_DUE)).isFalse();
        assertThat(outcome.feedbackLateOn(FEEDBACK_DUE.plusDays(1))).isTrue();

        outcome.feedbackGiven(NOW, "dsr-team-1");

        assertThat(outcome.feedbackLateOn(FEEDBACK_DUE.plusDays(1))).isFalse();
        assertThat(outcome.feedbackGivenBy()).contains("dsr-team-1");
        assertThatThrownBy(() -> outcome.feedbackGiven(NOW, "dsr-team-1"))
                .isInstanceOfSatisfying(RuleBroken.class, refused ->
                        assertThat(refused.problem()).isEqualTo("feedback-given"));
    }

    private static OutcomeAsked withAction(ActionAsked action) {
        return new OutcomeAsked("Discussed", null, null, null, null, List.of(action), null);
    }

    private void assertInvalid(OutcomeAsked asked, String field) {
        assertThatThrownBy(() -> Outcomes.record(Outcomes.heldTracking(), personId, asked))
                .isInstanceOfSatisfying(RuleBroken.class, refused -> {
                    assertThat(refused.kind()).isEqualTo(RuleBroken.Kind.INVALID_REQUEST);
                    assertThat(refused.field()).isEqualTo(field);
                });
    }
}
