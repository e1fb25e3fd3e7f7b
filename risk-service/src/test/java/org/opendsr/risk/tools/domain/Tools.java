package org.opendsr.risk.tools.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opendsr.contracts.common.RagRating;

/** Object mother: small tool definitions built in Java for the domain's own tests. */
final class Tools {

    private Tools() {
    }

    static List<AnswerOption> yesNo(boolean key, int yesScore) {
        return List.of(new AnswerOption("yes", "Yes", yesScore, key), new AnswerOption("no", "No", 0, false));
    }

    /** Four key questions (3 each when yes) and eight others (2 each): thresholds GREEN 0, AMBER 8, RED 16. */
    static ToolDefinition twelveQuestions() {
        List<Question> questions = new ArrayList<>();
        for (String key : List.of("mental-health", "behaviour", "environment", "crisis-ae")) {
            questions.add(new Question(key, "Key question " + key + "?", true, yesNo(true, 3)));
        }
        for (int i = 5; i <= 12; i++) {
            questions.add(new Question("q" + i, "Question " + i + "?", false, yesNo(false, 2)));
        }
        return new ToolDefinition("dsr-12-question", 1, "12 questions", "", List.of(), questions,
                new SuggestionRules(RagRating.RED,
                        thresholds(0, RagRating.GREEN, 8, RagRating.AMBER, 16, RagRating.RED)));
    }

    static List<ScoreThreshold> thresholds(Object... minScoreThenRating) {
        List<ScoreThreshold> thresholds = new ArrayList<>();
        for (int i = 0; i < minScoreThenRating.length; i += 2) {
            thresholds.add(new ScoreThreshold((Integer) minScoreThenRating[i], (RagRating) minScoreThenRating[i + 1]));
        }
        return thresholds;
    }

    /** Every question of the tool answered with {@code optionId}, then the given answers on top. */
    static Map<String, String> answering(ToolDefinition tool, String optionId, String... questionThenOption) {
        Map<String, String> answers = new LinkedHashMap<>();
        tool.questions().forEach(question -> answers.put(question.id(), optionId));
        for (int i = 0; i < questionThenOption.length; i += 2) {
            answers.put(questionThenOption[i], questionThenOption[i + 1]);
        }
        return answers;
    }
}
