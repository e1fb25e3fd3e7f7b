package org.opendsr.risk.tools.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.opendsr.contracts.common.RagRating;

/**
 * A person assessed with one version of a rating tool: the answers, the score and the rating the tool suggested.
 * A tool suggests; a professional decides: an assessment never changes the person's rating. The professional's
 * decision is recorded with the rating, beside the assessment it may differ from (with a reason).
 *
 * @param answers questionId -> optionId, in the tool's question order
 */
public record Assessment(UUID assessmentId, UUID personId, String toolId, int version, Map<String, String> answers,
                         int score, boolean keyQuestionsAllYes, RagRating suggestedRating, Instant assessedAt,
                         String assessedBy) {

    public Assessment {
        Objects.requireNonNull(assessmentId, "assessmentId");
        Objects.requireNonNull(personId, "personId");
        answers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    }

    /** Scores the answers with the tool version (refused naming {@code answers.<questionId>} if they do not fit it). */
    public static Assessment of(UUID assessmentId, UUID personId, ToolDefinition tool, Map<String, String> answers,
                                Instant at, String by) {
        Suggestion suggestion = tool.assess(answers);
        Map<String, String> ordered = new LinkedHashMap<>();
        tool.questions().forEach(question -> ordered.put(question.id(), answers.get(question.id())));
        return new Assessment(assessmentId, personId, tool.toolId(), tool.version(), ordered, suggestion.score(),
                suggestion.keyQuestionsAllYes(), suggestion.suggestedRating(), at, by);
    }
}
