package org.opendsr.referral.inmemory;

import org.opendsr.kit.web.RequestRefused;
import org.opendsr.referral.shared.domain.RuleBroken;

/** The problem a use case's refusal names, whichever refusal type it is, as the API would show it. */
public final class Refusals {

    private Refusals() {
    }

    public static String problemOf(Throwable refusal) {
        if (refusal instanceof RuleBroken broken) {
            return broken.problem();
        }
        if (refusal instanceof RequestRefused refused) {
            return refused.problemType().substring("urn:dsr:problem:".length());
        }
        throw new AssertionError("not a refusal: " + refusal, refusal);
    }

    /** The field an invalid-request refusal names. */
    public static String fieldOf(Throwable refusal) {
        if (refusal instanceof RequestRefused refused) {
            return refused.field();
        }
        throw new AssertionError("not a refusal naming a field: " + refusal, refusal);
    }
}
