package org.opendsr.meeting.outcomes.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opendsr.meeting.outcomes.domain.Outcomes.MEETING_DAY;
import static org.opendsr.meeting.outcomes.domain.Outcomes.NOW;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opendsr.contracts.meeting.UnmetReason;
import org.opendsr.kit.rules.RuleBroken;

/** Agreed actions (done, overdue once) and recommended services (met or unmet, once). */
class ActionsAndRecommendationsTest {

    private final LocalDate dueOn = MEETING_DAY.plusDays(14);

    private AgreedAction action() {
        return Outcomes.record(Outcomes.heldTracking(), UUID.randomUUID(), new OutcomeAsked("Discussed", null, null,
                null, null, List.of(Outcomes.action(dueOn)), null)).actions().get(0);
    }

    private ServiceRecommendation recommendation() {
        return Outcomes.record(Outcomes.heldTracking(), UUID.randomUUID(), new OutcomeAsked("Discussed", null, null,
                null, null, null, List.of(new RecommendationAsked("INTENSIVE_SUPPORT_TEAM", null))))
                .recommendations().get(0);
    }

    @Test
    void anActionIsOpenOnItsDueDateAndOverdueTheDayAfter() {
        AgreedAction action = action();
        assertThat(action.statusOn(dueOn)).isEqualTo(ActionStatus.OPEN);
        assertThat(action.statusOn(dueOn.plusDays(1))).isEqualTo(ActionStatus.OVERDUE);
    }

    @Test
    void anActionBecomesOverdueOnceAndNeverAgain() {
        AgreedAction action = action();
        assertThat(action.becomesOverdueOn(dueOn)).isFalse();
        assertThat(action.becomesOverdueOn(dueOn.plusDays(1))).isTrue();
        assertThat(action.becomesOverdueOn(dueOn.plusDays(2))).isFalse();
        assertThat(AgreedAction.restore(action.snapshot()).becomesOverdueOn(dueOn.plusDays(3))).isFalse();
    }

    @Test
    void aDoneActionIsDoneOnceAndNeverOverdue() {
        AgreedAction action = action();
        action.complete(dueOn.plusDays(3), NOW, "dsr-team-1");

        assertThat(action.statusOn(dueOn.plusDays(10))).isEqualTo(ActionStatus.DONE);
        assertThat(action.becomesOverdueOn(dueOn.plusDays(10))).isFalse();
        assertThatThrownBy(() -> action.complete(dueOn.plusDays(4), NOW, "dsr-team-1"))
                .isInstanceOfSatisfying(RuleBroken.class, refused ->
                        assertThat(refused.problem()).isEqualTo("action-done"));
    }

    @Test
    void theOwnerIsTheProfessionalNamedByTheirSubject() {
        AgreedAction action = action();
        assertThat(action.isOwnedBy("professional-1")).isTrue();
        assertThat(action.isOwnedBy("professional-2")).isFalse();
    }

    @Test
    void aRecommendationIsMetFromADayNeitherInTheFutureNorBeforeItWasMade() {
        ServiceRecommendation recommendation = recommendation();
        assertInvalid(() -> recommendation.met(MEETING_DAY.plusDays(2), MEETING_DAY.plusDays(1), "dsr-team-1"),
                "metOn");
        assertInvalid(() -> recommendation.met(MEETING_DAY.minusDays(1), MEETING_DAY, "dsr-team-1"), "metOn");

        recommendation.met(MEETING_DAY.plusDays(5), MEETING_DAY.plusDays(6), "dsr-team-1");

        assertThat(recommendation.status()).isEqualTo(RecommendationStatus.MET);
        assertThat(recommendation.metOn()).contains(MEETING_DAY.plusDays(5));
    }

    @Test
    void aRecommendationIsMarkedOnceMetOrUnmet() {
        ServiceRecommendation recommendation = recommendation();
        assertInvalid(() -> recommendation.unmet(null, null, MEETING_DAY, "dsr-team-1"), "reason");

        recommendation.unmet(UnmetReason.WAITING_LIST, "Eight months' wait", MEETING_DAY.plusDays(1), "dsr-team-1");

        assertThat(recommendation.status()).isEqualTo(RecommendationStatus.UNMET);
        assertThat(recommendation.unmetReason()).contains(UnmetReason.WAITING_LIST);
        assertThatThrownBy(() -> recommendation.met(MEETING_DAY.plusDays(1), MEETING_DAY.plusDays(1), "dsr-team-1"))
                .isInstanceOfSatisfying(RuleBroken.class, refused ->
                        assertThat(refused.kind()).isEqualTo(RuleBroken.Kind.CONFLICT));
    }

    @Test
    void theCatalogueIsOfCodesWithLabels() {
        assertThat(Outcomes.CATALOGUE.labelOf("SHORT_BREAKS")).isEqualTo("Short breaks");
        assertThat(Outcomes.CATALOGUE.entries().keySet()).containsExactly("INTENSIVE_SUPPORT_TEAM", "SHORT_BREAKS",
                "KEYWORKER");
        assertThatThrownBy(() -> new RecommendationCatalogue(java.util.Map.of("short breaks", "Short breaks")))
                .isInstanceOf(RuleBroken.class);
    }

    private static void assertInvalid(Runnable change, String field) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(RuleBroken.class, refused -> {
            assertThat(refused.kind()).isEqualTo(RuleBroken.Kind.INVALID_REQUEST);
            assertThat(refused.field()).isEqualTo(field);
        });
    }
}
