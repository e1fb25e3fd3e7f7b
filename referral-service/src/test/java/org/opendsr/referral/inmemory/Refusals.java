package org.opendsr.referral.inmemory;

import org.opendsr.kit.rules.RuleBroken;

/** The problem and field a use case's refusal names, as the API would show them. */
public final class Refusals {

    private Refusals() {
    }

    public static String problemOf(Throwable refusal) {
        return broken(refusal).problem();
    }

    /** The field an invalid-request refusal (or a conflict about one value) names. */
    public static String fieldOf(Throwable refusal) {
        return broken(refusal).field();
    }

    private static RuleBroken broken(Throwable refusal) {
        if (refusal instanceof RuleBroken broken) {
            return broken;
        }
        throw new AssertionError("not a refusal: " + refusal, refusal);
    }
}
