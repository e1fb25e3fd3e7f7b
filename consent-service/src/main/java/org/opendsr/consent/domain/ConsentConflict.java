package org.opendsr.consent.domain;

import org.opendsr.kit.rules.RuleBroken;

/** A request that conflicts with what the DSR knows about the person or the consent: 409 naming the rule. */
public final class ConsentConflict {

    /** One title for every consent conflict; the problem type names the rule. */
    public static final String TITLE = "The request conflicts with what the DSR knows about this consent";

    private ConsentConflict() {
    }

    /**
     * @param problem a short name for the rule, e.g. {@code parental-responsibility-for-an-adult}
     * @param field   the field the conflict is about, or null
     */
    public static RuleBroken of(String problem, String field, String detail) {
        return RuleBroken.conflict(problem, TITLE, field, detail);
    }
}
