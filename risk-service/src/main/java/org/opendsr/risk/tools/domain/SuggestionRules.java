package org.opendsr.risk.tools.domain;

import java.util.List;
import java.util.Optional;

import org.opendsr.contracts.common.RagRating;

/**
 * How a tool turns answers into a suggested rating: the score thresholds, and the rating suggested when every key
 * question is answered "yes" whatever the score.
 *
 * <p>The more severe of the two wins: the key questions can raise a low score's suggestion (DOMAIN.md: the four key
 * questions all yes suggest RED), never lower a high one. BLUE is never suggested: it means "currently an inpatient", a
 * fact reported by an agency, not a score.
 *
 * @param allKeyQuestionsYes the rating suggested when all key questions are answered yes; null for a tool without key
 *                           questions
 * @param thresholds         ascending by {@code minScore}, the first at 0 so that every score has a suggestion
 */
public record SuggestionRules(RagRating allKeyQuestionsYes, List<ScoreThreshold> thresholds) {

    public SuggestionRules {
        thresholds = List.copyOf(thresholds);
    }

    public Optional<RagRating> keyQuestionRating() {
        return Optional.ofNullable(allKeyQuestionsYes);
    }

    /** The rating for a score and whether all key questions were answered yes. */
    public RagRating suggest(int score, boolean keyQuestionsAllYes) {
        RagRating byScore = thresholds.get(0).rating();
        for (ScoreThreshold threshold : thresholds) {
            if (score >= threshold.minScore()) {
                byScore = threshold.rating();
            }
        }
        if (keyQuestionsAllYes && allKeyQuestionsYes != null) {
            return Severity.moreSevere(byScore, allKeyQuestionsYes);
        }
        return byScore;
    }
}
