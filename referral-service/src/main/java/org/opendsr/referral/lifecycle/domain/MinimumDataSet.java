package org.opendsr.referral.lifecycle.domain;

import org.opendsr.contracts.common.RagRating;

/**
 * The DSR referral minimum data set: why, what could lead to admission or placement breakdown, what has been tried
 * (including positive strategies), what could further reduce risk, and the referrer's indicative RAG if they give one.
 * The last three may be missing; all of it is missing while a self or family referral waits to be completed.
 */
public record MinimumDataSet(
        String reasonForReferral,
        String currentIssues,
        String whatHasBeenTried,
        String whatCouldReduceRisk,
        RagRating indicativeRag) {

    /** About a person's life: never printed. */
    @Override
    public String toString() {
        return "MinimumDataSet[redacted]";
    }
}
