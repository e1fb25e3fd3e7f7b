package org.opendsr.risk.tools.domain;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.opendsr.contracts.common.RagRating;
import org.opendsr.kit.rules.RuleBroken;

/**
 * One version of a rating tool: its questions, their answers and scores, the key questions and the rules that turn
 * answers into a suggested rating. Tools are data, not code (issue 12): a definition arrives as a JSON document checked
 * against {@code rating-tool.schema.json}, and this record checks what a schema cannot say (unique ids, thresholds in
 * order, a key answer on every key question). A published version never changes; a change is a new version.
 *
 * <p>Every refusal names the field, as a path into the document: {@code questions[3].options[0].id}.
 *
 * @param areas the area codes the tool is used in; empty for the default tool, used wherever no other tool claims the
 *              person's area
 */
public record ToolDefinition(String toolId, int version, String title, String description, List<String> areas,
                             List<Question> questions, SuggestionRules suggestionRules) {

    private static final Pattern TOOL_ID = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    /** Path words of the tools API that a toolId would hide. */
    private static final Set<String> RESERVED_TOOL_IDS = Set.of("schema");
    private static final Pattern ITEM_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_-]*$");
    /** An id longer than this is a mistake, not a name; matches the JSON Schema and the columns. */
    public static final int MAX_ID_LENGTH = 64;

    public ToolDefinition {
        required(toolId, "toolId");
        if (toolId.length() > MAX_ID_LENGTH || !TOOL_ID.matcher(toolId).matches()) {
            throw RuleBroken.invalid("toolId", "toolId must be kebab-case (lower-case letters, digits and single "
                    + "hyphens), at most " + MAX_ID_LENGTH + " characters");
        }
        if (RESERVED_TOOL_IDS.contains(toolId)) {
            throw RuleBroken.invalid("toolId", "toolId " + toolId + " is reserved (GET /ratings/tools/schema)");
        }
        if (version < 1) {
            throw RuleBroken.invalid("version", "version must be 1 or more");
        }
        requiredText(title, "title");
        description = description == null ? "" : description;
        areas = List.copyOf(Objects.requireNonNullElse(areas, List.of()));
        questions = List.copyOf(Objects.requireNonNullElse(questions, List.of()));
        if (suggestionRules == null) {
            throw RuleBroken.invalid("suggestionRules", "suggestionRules is required");
        }
        checkAreas(areas);
        checkQuestions(questions);
        checkRules(questions, suggestionRules);
    }

    /** The default tool claims no area: it is used wherever no other tool claims the person's area. */
    public boolean isDefault() {
        return areas.isEmpty();
    }

    public boolean claims(String area) {
        return areas.contains(area);
    }

    /** The highest score any set of answers can reach. */
    public int highestScore() {
        return questions.stream().mapToInt(Question::highestScore).sum();
    }

    /**
     * Scores a complete set of answers ({@code questionId -> optionId}): every question answered, no other question,
     * each answer one of its question's options; otherwise refused naming {@code answers.<questionId>}.
     */
    public Suggestion assess(Map<String, String> answers) {
        if (answers == null || answers.isEmpty()) {
            throw RuleBroken.invalid("answers", "answers are required: one option id for each of the "
                    + questions.size() + " questions");
        }
        for (String questionId : answers.keySet()) {
            if (questions.stream().noneMatch(question -> question.id().equals(questionId))) {
                throw RuleBroken.invalid("answers." + questionId,
                        "question " + questionId + " is not in " + toolId + " version " + version);
            }
        }
        int score = 0;
        boolean allKeyYes = questions.stream().anyMatch(Question::key);
        for (Question question : questions) {
            String optionId = answers.get(question.id());
            if (optionId == null) {
                throw RuleBroken.invalid("answers." + question.id(), "question " + question.id() + " is not answered");
            }
            AnswerOption option = question.option(optionId).orElseThrow(() -> RuleBroken.invalid(
                    "answers." + question.id(), "question " + question.id() + " has no option " + optionId));
            score += option.score();
            if (question.key() && !option.keyAnswer()) {
                allKeyYes = false;
            }
        }
        return new Suggestion(score, allKeyYes, suggestionRules.suggest(score, allKeyYes));
    }

    private static void checkAreas(List<String> areas) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < areas.size(); i++) {
            String field = "areas[" + i + "]";
            String area = areas.get(i);
            requiredText(area, field);
            if (!seen.add(area)) {
                throw RuleBroken.invalid(field, "area " + area + " is listed twice");
            }
        }
    }

    private static void checkQuestions(List<Question> questions) {
        if (questions.isEmpty()) {
            throw RuleBroken.invalid("questions", "a tool has at least one question");
        }
        Set<String> questionIds = new HashSet<>();
        for (int q = 0; q < questions.size(); q++) {
            String at = "questions[" + q + "]";
            Question question = questions.get(q);
            if (question == null) {
                throw RuleBroken.invalid(at, at + " is required");
            }
            itemId(question.id(), at + ".id");
            if (!questionIds.add(question.id())) {
                throw RuleBroken.invalid(at + ".id", "question id " + question.id() + " is used twice");
            }
            requiredText(question.text(), at + ".text");
            List<AnswerOption> options = question.options();
            if (options.size() < 2) {
                throw RuleBroken.invalid(at + ".options", "a question offers at least two answers");
            }
            Set<String> optionIds = new HashSet<>();
            boolean hasKeyAnswer = false;
            for (int o = 0; o < options.size(); o++) {
                String optionAt = at + ".options[" + o + "]";
                AnswerOption option = options.get(o);
                if (option == null) {
                    throw RuleBroken.invalid(optionAt, optionAt + " is required");
                }
                itemId(option.id(), optionAt + ".id");
                if (!optionIds.add(option.id())) {
                    throw RuleBroken.invalid(optionAt + ".id", "option id " + option.id() + " is used twice in "
                            + "question " + question.id());
                }
                requiredText(option.label(), optionAt + ".label");
                if (option.score() < 0) {
                    throw RuleBroken.invalid(optionAt + ".score", "a score is 0 or more");
                }
                if (option.keyAnswer() && !question.key()) {
                    throw RuleBroken.invalid(optionAt + ".keyAnswer",
                            "only a key question has a key answer; question " + question.id() + " is not key");
                }
                hasKeyAnswer |= option.keyAnswer();
            }
            if (question.key() && !hasKeyAnswer) {
                throw RuleBroken.invalid(at + ".options", "key question " + question.id()
                        + " needs an option with keyAnswer true (the answer that counts as yes)");
            }
            if (question.key() && options.stream().allMatch(AnswerOption::keyAnswer)) {
                throw RuleBroken.invalid(at + ".options", "key question " + question.id()
                        + " needs an answer that is not its key answer, or it could never be answered no");
            }
        }
    }

    private static void checkRules(List<Question> questions, SuggestionRules rules) {
        boolean hasKeyQuestions = questions.stream().anyMatch(Question::key);
        RagRating keyRating = rules.allKeyQuestionsYes();
        if (hasKeyQuestions && keyRating == null) {
            throw RuleBroken.invalid("suggestionRules.allKeyQuestionsYes",
                    "a tool with key questions says which rating they suggest when all are answered yes");
        }
        if (!hasKeyQuestions && keyRating != null) {
            throw RuleBroken.invalid("suggestionRules.allKeyQuestionsYes",
                    "the tool has no key question (questions[].key) for this rule to apply to");
        }
        if (keyRating == RagRating.BLUE) {
            throw RuleBroken.invalid("suggestionRules.allKeyQuestionsYes", "a tool never suggests BLUE: BLUE is being "
                    + "an inpatient, not a score");
        }
        List<ScoreThreshold> thresholds = rules.thresholds();
        if (thresholds.isEmpty()) {
            throw RuleBroken.invalid("suggestionRules.thresholds", "at least one threshold, from minScore 0");
        }
        int highest = questions.stream().mapToInt(Question::highestScore).sum();
        for (int t = 0; t < thresholds.size(); t++) {
            String at = "suggestionRules.thresholds[" + t + "]";
            ScoreThreshold threshold = thresholds.get(t);
            if (threshold == null) {
                throw RuleBroken.invalid(at, at + " is required");
            }
            if (threshold.rating() == null) {
                throw RuleBroken.invalid(at + ".rating", "a threshold names the rating it suggests");
            }
            if (threshold.rating() == RagRating.BLUE) {
                throw RuleBroken.invalid(at + ".rating", "a tool never suggests BLUE: BLUE is being an inpatient, "
                        + "not a score");
            }
            if (t == 0 && threshold.minScore() != 0) {
                throw RuleBroken.invalid(at + ".minScore", "the first threshold starts at 0, so that every score "
                        + "has a suggestion");
            }
            if (t > 0) {
                ScoreThreshold previous = thresholds.get(t - 1);
                if (threshold.minScore() <= previous.minScore()) {
                    throw RuleBroken.invalid(at + ".minScore", "thresholds are in ascending order of minScore, "
                            + "each above the one before");
                }
                if (Severity.of(threshold.rating()) < Severity.of(previous.rating())) {
                    throw RuleBroken.invalid(at + ".rating", "a higher score never suggests a lower rating ("
                            + threshold.rating() + " after " + previous.rating() + ")");
                }
            }
            if (threshold.minScore() > highest) {
                throw RuleBroken.invalid(at + ".minScore", "minScore " + threshold.minScore()
                        + " can never be reached: the highest possible score is " + highest);
            }
        }
    }

    /** The definition's questions keyed by id, in their order. */
    public Map<String, Question> questionsById() {
        Map<String, Question> byId = new LinkedHashMap<>();
        questions.forEach(question -> byId.put(question.id(), question));
        return byId;
    }

    private static void required(Object value, String field) {
        if (value == null) {
            throw RuleBroken.invalid(field, field + " is required");
        }
    }

    private static void requiredText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw RuleBroken.invalid(field, field + " is required");
        }
    }

    private static void itemId(String value, String field) {
        requiredText(value, field);
        if (value.length() > MAX_ID_LENGTH || !ITEM_ID.matcher(value).matches()) {
            throw RuleBroken.invalid(field, field + " is letters, digits, '-' and '_', at most " + MAX_ID_LENGTH
                    + " characters");
        }
    }
}
