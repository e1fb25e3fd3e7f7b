package org.opendsr.risk.tools.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendsr.risk.tools.domain.ToolSuggestionTest.assertRefused;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.kit.rules.RuleBroken;

/** What a JSON Schema cannot say about a definition; every refusal names the field. */
class ToolDefinitionTest {

    private static final SuggestionRules SCORE_ONLY =
            new SuggestionRules(null, Tools.thresholds(0, RagRating.GREEN, 1, RagRating.AMBER));

    private static ToolDefinition tool(List<Question> questions, SuggestionRules rules) {
        return new ToolDefinition("a-tool", 1, "A tool", "", List.of(), questions, rules);
    }

    private static Question plain(String id) {
        return new Question(id, "Question " + id + "?", false, Tools.yesNo(false, 1));
    }

    @Test
    void questionIdsAreUnique() {
        assertRefused(() -> tool(List.of(plain("a"), plain("b"), plain("a")), SCORE_ONLY), "questions[2].id");
    }

    @Test
    void optionIdsAreUniqueWithinAQuestion() {
        Question twice = new Question("a", "A?", false, List.of(new AnswerOption("yes", "Yes", 1, false),
                new AnswerOption("yes", "Also yes", 1, false)));
        assertRefused(() -> tool(List.of(twice), SCORE_ONLY), "questions[0].options[1].id");
    }

    @Test
    void aKeyQuestionHasAKeyAnswerAndAnAnswerThatIsNot() {
        Question noKeyAnswer = new Question("k", "Key?", true, Tools.yesNo(false, 1));
        assertRefused(() -> tool(List.of(plain("a"), noKeyAnswer),
                new SuggestionRules(RagRating.RED, SCORE_ONLY.thresholds())), "questions[1].options");

        Question onlyYes = new Question("k", "Key?", true, List.of(new AnswerOption("yes", "Yes", 1, true),
                new AnswerOption("very", "Very much", 2, true)));
        assertRefused(() -> tool(List.of(onlyYes), new SuggestionRules(RagRating.RED, SCORE_ONLY.thresholds())),
                "questions[0].options");
    }

    @Test
    void onlyAKeyQuestionHasAKeyAnswer() {
        Question notKey = new Question("a", "A?", false, Tools.yesNo(true, 1));
        assertRefused(() -> tool(List.of(notKey), SCORE_ONLY), "questions[0].options[0].keyAnswer");
    }

    @Test
    void theKeyRuleGoesWithKeyQuestions() {
        Question key = new Question("k", "Key?", true, Tools.yesNo(true, 1));
        assertRefused(() -> tool(List.of(key), SCORE_ONLY), "suggestionRules.allKeyQuestionsYes");
        assertRefused(() -> tool(List.of(plain("a")), new SuggestionRules(RagRating.RED, SCORE_ONLY.thresholds())),
                "suggestionRules.allKeyQuestionsYes");
    }

    @Test
    void thresholdsStartAtZeroAndAscendNeverToALowerRating() {
        List<Question> questions = List.of(plain("a"), plain("b"), plain("c"));
        assertRefused(() -> tool(questions, new SuggestionRules(null, Tools.thresholds(1, RagRating.GREEN))),
                "suggestionRules.thresholds[0].minScore");
        assertRefused(() -> tool(questions, new SuggestionRules(null,
                        Tools.thresholds(0, RagRating.GREEN, 2, RagRating.AMBER, 2, RagRating.RED))),
                "suggestionRules.thresholds[2].minScore");
        assertRefused(() -> tool(questions, new SuggestionRules(null,
                        Tools.thresholds(0, RagRating.GREEN, 2, RagRating.RED, 3, RagRating.AMBER))),
                "suggestionRules.thresholds[2].rating");
        assertRefused(() -> tool(questions, new SuggestionRules(null,
                        Tools.thresholds(0, RagRating.GREEN, 4, RagRating.RED))),
                "suggestionRules.thresholds[1].minScore"); // 3 questions of 1: 4 is out of reach
    }

    @Test
    void aToolNeverSuggestsBlue() {
        assertRefused(() -> tool(List.of(plain("a")), new SuggestionRules(null,
                Tools.thresholds(0, RagRating.GREEN, 1, RagRating.BLUE))), "suggestionRules.thresholds[1].rating");
        Question key = new Question("k", "Key?", true, Tools.yesNo(true, 1));
        assertRefused(() -> tool(List.of(key), new SuggestionRules(RagRating.BLUE, SCORE_ONLY.thresholds())),
                "suggestionRules.allKeyQuestionsYes");
    }

    @Test
    void theToolIdIsKebabCaseAndTheVersionPositive() {
        assertRefused(() -> new ToolDefinition("A_Tool", 1, "T", "", List.of(), List.of(plain("a")),
                SCORE_ONLY), "toolId");
        assertRefused(() -> new ToolDefinition("a-tool", 0, "T", "", List.of(), List.of(plain("a")),
                SCORE_ONLY), "version");
    }

    @Test
    void aScoreIsNeverNegativeAndAQuestionOffersTwoAnswers() {
        Question negative = new Question("a", "A?", false, List.of(new AnswerOption("yes", "Yes", -1, false),
                new AnswerOption("no", "No", 0, false)));
        assertRefused(() -> tool(List.of(plain("x"), negative), SCORE_ONLY), "questions[1].options[0].score");
        Question single = new Question("a", "A?", false, List.of(new AnswerOption("yes", "Yes", 1, false)));
        assertRefused(() -> tool(List.of(single), SCORE_ONLY), "questions[0].options");
    }

    @Test
    void areasAreListedOnce() {
        assertRefused(() -> new ToolDefinition("a-tool", 1, "T", "", List.of("WILTSHIRE", "SWINDON", "WILTSHIRE"),
                List.of(plain("a")), SCORE_ONLY), "areas[2]");
    }

    @Test
    void theToolForAnAreaIsTheOneClaimingItElseTheDefault() {
        ToolDefinition byDefault = Tools.twelveQuestions();
        ToolDefinition wiltshire = new ToolDefinition("wiltshire-short", 2, "Short", "", List.of("WILTSHIRE"),
                List.of(plain("a")), SCORE_ONLY);
        List<ToolDefinition> current = List.of(byDefault, wiltshire);

        assertThat(ToolChoice.forArea(current, "WILTSHIRE")).contains(wiltshire);
        assertThat(ToolChoice.forArea(current, "SWINDON")).contains(byDefault);
        assertThat(ToolChoice.forArea(current, null)).contains(byDefault);
        assertThat(ToolChoice.forArea(List.of(wiltshire), "SWINDON")).isEmpty();
    }

    @Test
    void anAreaIsClaimedByOneToolAndThereIsOneDefault() {
        ToolDefinition byDefault = Tools.twelveQuestions();
        ToolDefinition wiltshire = new ToolDefinition("wiltshire-short", 1, "Short", "", List.of("WILTSHIRE"),
                List.of(plain("a")), SCORE_ONLY);
        ToolDefinition alsoWiltshire = new ToolDefinition("another", 1, "Another", "", List.of("SWINDON", "WILTSHIRE"),
                List.of(plain("a")), SCORE_ONLY);
        ToolDefinition anotherDefault = new ToolDefinition("another", 1, "Another", "", List.of(),
                List.of(plain("a")), SCORE_ONLY);
        List<ToolDefinition> current = new ArrayList<>(List.of(byDefault, wiltshire));

        assertConflict(() -> ToolChoice.checkClaims(alsoWiltshire, current));
        assertConflict(() -> ToolChoice.checkClaims(anotherDefault, current));
        // A new version of the same tool may keep (or change) its own areas.
        ToolChoice.checkClaims(new ToolDefinition("wiltshire-short", 2, "Short", "", List.of("WILTSHIRE", "SWINDON"),
                List.of(plain("a")), SCORE_ONLY), current);
    }

    private static void assertConflict(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        org.assertj.core.api.Assertions.assertThatThrownBy(call).isInstanceOfSatisfying(RuleBroken.class, refusal -> {
            assertThat(refusal.kind()).isEqualTo(RuleBroken.Kind.CONFLICT);
            assertThat(refusal.field()).isEqualTo("areas");
        });
    }
}
