package org.opendsr.risk.tools.domain;

import org.opendsr.contracts.common.RagRating;

/**
 * What a tool suggests from one set of answers. A tool suggests; a professional decides: nothing here changes a
 * person's rating.
 *
 * @param keyQuestionsAllYes every key question answered with its key answer (false for a tool without key questions)
 */
public record Suggestion(int score, boolean keyQuestionsAllYes, RagRating suggestedRating) {
}
