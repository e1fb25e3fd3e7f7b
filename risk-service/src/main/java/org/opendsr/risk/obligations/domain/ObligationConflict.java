package org.opendsr.risk.obligations.domain;

import org.opendsr.kit.rules.RuleBroken;

/** A request an obligation's status does not allow: 409 with a problem type naming the rule. */
public final class ObligationConflict {

    /** One title for every obligation conflict; the problem type names the rule. */
    public static final String TITLE = "The request conflicts with the obligation's status";

    /** Booking, completing or closing an obligation that is already done or not needed. */
    public static final String CLOSED = "obligation-closed";

    private ObligationConflict() {
    }

    public static RuleBroken of(String problem, String detail) {
        return RuleBroken.conflict(problem, TITLE, null, detail);
    }
}
