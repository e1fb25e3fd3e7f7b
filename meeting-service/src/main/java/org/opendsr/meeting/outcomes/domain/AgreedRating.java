package org.opendsr.meeting.outcomes.domain;

import org.opendsr.contracts.common.RagRating;
import org.opendsr.kit.rules.RuleBroken;

/**
 * The rating a meeting agreed, with why (kept here: risk-service records the rating as agreed at the meeting and points
 * to this outcome for the reasons) and whether the person and their family took part in the discussion (DOMAIN.md:
 * proposed changes are discussed with them).
 */
public record AgreedRating(RagRating rating, String rationale, boolean discussedWithPersonAndFamily) {

    public AgreedRating {
        if (rating == null) {
            throw RuleBroken.invalid("agreedRating", "is required: RED, AMBER, GREEN or BLUE");
        }
        rationale = OutcomeTexts.required("ratingRationale", rationale, OutcomeTexts.RATIONALE_MAX);
    }

    /**
     * What the meeting asked for, checked: no rating is fine (a meeting need not rate); a rating needs its rationale
     * and a yes or no on whether it was discussed with the person and their family.
     */
    public static AgreedRating of(RagRating rating, String rationale, Boolean discussedWithPersonAndFamily) {
        if (rating == null) {
            if (rationale != null && !rationale.isBlank()) {
                throw RuleBroken.invalid("agreedRating", "is required with a ratingRationale");
            }
            return null;
        }
        if (discussedWithPersonAndFamily == null) {
            throw RuleBroken.invalid("discussedWithPersonAndFamily", "is required with an agreed rating: true or "
                    + "false");
        }
        return new AgreedRating(rating, rationale, discussedWithPersonAndFamily);
    }
}
