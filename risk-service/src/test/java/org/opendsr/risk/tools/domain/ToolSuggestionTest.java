package org.opendsr.risk.tools.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opendsr.risk.tools.domain.Tools.answering;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.kit.rules.RuleBroken;

/** DOMAIN.md: four key questions all answered yes suggest RED; otherwise the score's threshold. A tool suggests. */
class ToolSuggestionTest {

    private final ToolDefinition tool = Tools.twelveQuestions();

    @Test
    void theFourKeyQuestionsAllYesSuggestRedEvenWithALowScore() {
        Suggestion suggestion = tool.assess(answering(tool, "no",
                "mental-health", "yes", "behaviour", "yes", "environment", "yes", "crisis-ae", "yes"));

        assertThat(suggestion.score()).isEqualTo(12); // AMBER by score alone (8 to 15)
        assertThat(suggestion.keyQuestionsAllYes()).isTrue();
        assertThat(suggestion.suggestedRating()).isEqualTo(RagRating.RED);
    }

    @Test
    void threeKeyQuestionsYesAreNotEnoughForTheKeyRule() {
        Suggestion suggestion = tool.assess(answering(tool, "no",
                "mental-health", "yes", "behaviour", "yes", "environment", "yes"));

        assertThat(suggestion.keyQuestionsAllYes()).isFalse();
        assertThat(suggestion.score()).isEqualTo(9);
        assertThat(suggestion.suggestedRating()).isEqualTo(RagRating.AMBER);
    }

    @Test
    void theScoreSuggestsByThresholds() {
        assertThat(tool.assess(answering(tool, "no")).suggestedRating()).isEqualTo(RagRating.GREEN);
        assertThat(tool.assess(answering(tool, "no")).score()).isZero();
        // 7: still GREEN, one below the AMBER threshold
        assertThat(tool.assess(answering(tool, "no", "q5", "yes", "q6", "yes", "mental-health", "yes"))
                .suggestedRating()).isEqualTo(RagRating.GREEN);
        // 8: AMBER from its threshold exactly
        assertThat(tool.assess(answering(tool, "no", "q5", "yes", "q6", "yes", "q7", "yes", "q8", "yes"))
                .suggestedRating()).isEqualTo(RagRating.AMBER);
        // 16: the eight other questions all yes reach RED without any key question
        Suggestion allOthers = tool.assess(answering(tool, "yes",
                "mental-health", "no", "behaviour", "no", "environment", "no", "crisis-ae", "no"));
        assertThat(allOthers.score()).isEqualTo(16);
        assertThat(allOthers.keyQuestionsAllYes()).isFalse();
        assertThat(allOthers.suggestedRating()).isEqualTo(RagRating.RED);
    }

    @Test
    void theKeyRuleRaisesAScoreButNeverLowersIt() {
        ToolDefinition keyMeansAmber = new ToolDefinition("amber-keys", 1, "Keys suggest AMBER", "", List.of(),
                List.of(new Question("key", "Key?", true, Tools.yesNo(true, 1)),
                        new Question("other", "Other?", false, Tools.yesNo(false, 10))),
                new SuggestionRules(RagRating.AMBER, Tools.thresholds(0, RagRating.GREEN, 10, RagRating.RED)));

        assertThat(keyMeansAmber.assess(Map.of("key", "yes", "other", "no")).suggestedRating())
                .isEqualTo(RagRating.AMBER);
        assertThat(keyMeansAmber.assess(Map.of("key", "yes", "other", "yes")).suggestedRating())
                .isEqualTo(RagRating.RED);
    }

    @Test
    void aToolWithoutKeyQuestionsGoesByScoreOnly() {
        ToolDefinition scoreOnly = new ToolDefinition("score-only", 1, "Scores", "", List.of("SWINDON"),
                List.of(new Question("a", "A?", false, Tools.yesNo(false, 5))),
                new SuggestionRules(null, Tools.thresholds(0, RagRating.GREEN, 5, RagRating.AMBER)));

        Suggestion suggestion = scoreOnly.assess(Map.of("a", "yes"));

        assertThat(suggestion.keyQuestionsAllYes()).isFalse();
        assertThat(suggestion.suggestedRating()).isEqualTo(RagRating.AMBER);
    }

    @Test
    void answersMustMatchTheToolVersionExactly() {
        Map<String, String> missing = answering(tool, "no");
        missing.remove("q9");
        assertRefused(() -> tool.assess(missing), "answers.q9");

        assertRefused(() -> tool.assess(answering(tool, "no", "q13", "no")), "answers.q13");
        assertRefused(() -> tool.assess(answering(tool, "no", "crisis-ae", "maybe")), "answers.crisis-ae");
        assertRefused(() -> tool.assess(Map.of()), "answers");
    }

    @Test
    void anAssessmentKeepsTheAnswersInTheToolsOrderWithItsSuggestion() {
        Map<String, String> answers = answering(tool, "yes");
        Assessment assessment = Assessment.of(java.util.UUID.randomUUID(), java.util.UUID.randomUUID(), tool, answers,
                java.time.Instant.parse("2026-12-01T10:00:00Z"), "pro-1");

        assertThat(assessment.answers().keySet()).containsExactlyElementsOf(tool.questionsById().keySet());
        assertThat(assessment.score()).isEqualTo(28);
        assertThat(assessment.suggestedRating()).isEqualTo(RagRating.RED);
        assertThat(assessment.version()).isEqualTo(1);
    }

    static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RuleBroken.class, refusal -> {
            assertThat(refusal.kind()).isEqualTo(RuleBroken.Kind.INVALID_REQUEST);
            assertThat(refusal.field()).isEqualTo(field);
        });
    }
}
