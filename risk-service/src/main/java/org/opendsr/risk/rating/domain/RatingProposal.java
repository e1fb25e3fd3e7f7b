package org.opendsr.risk.rating.domain;

import java.util.UUID;

import org.opendsr.contracts.common.RagRating;
import org.opendsr.kit.rules.RuleBroken;

/**
 * What someone decided: the rating, why, whether it was discussed with the person and their family, the meeting that
 * agreed it and the assessment it was made beside (each optional), and why it differs from the tool's suggestion.
 */
public record RatingProposal(RagRating rating, String rationale, boolean discussedWithPersonAndFamily,
                             UUID meetingId, Suggestion suggestion, String reasonForDifferingFromTool) {

    public static final int MAX_TEXT = 2000;

    public RatingProposal {
        if (rating == null) {
            throw RuleBroken.invalid("rating", "is required: RED, AMBER, GREEN or BLUE");
        }
        rationale = required("rationale", rationale);
        reasonForDifferingFromTool = optional("reasonForDifferingFromTool", reasonForDifferingFromTool);
        if (suggestion != null && suggestion.suggested() != rating && reasonForDifferingFromTool == null) {
            throw RuleBroken.invalid("reasonForDifferingFromTool", "is required: the tool suggested "
                    + suggestion.suggested() + " and the decision is " + rating);
        }
        if (suggestion == null && reasonForDifferingFromTool != null) {
            throw RuleBroken.invalid("reasonForDifferingFromTool", "is only for a decision made beside an assessment "
                    + "(assessmentId)");
        }
    }

    private static String required(String field, String text) {
        String value = optional(field, text);
        if (value == null) {
            throw RuleBroken.invalid(field, "is required: say why (it is kept with the rating)");
        }
        return value;
    }

    private static String optional(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (value.length() > MAX_TEXT) {
            throw RuleBroken.invalid(field, "must be at most " + MAX_TEXT + " characters");
        }
        return value;
    }
}
