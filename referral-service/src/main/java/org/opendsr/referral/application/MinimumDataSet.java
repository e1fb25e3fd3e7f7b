package org.opendsr.referral.application;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.contracts.common.RagRating;

/**
 * The DSR referral minimum data set: why, what could lead to admission or placement breakdown, what has been tried
 * (including positive strategies), what could further reduce risk, and the referrer's indicative RAG if they give one.
 */
public record MinimumDataSet(
        String reasonForReferral,
        String currentIssues,
        @Nullable String whatHasBeenTried,
        @Nullable String whatCouldReduceRisk,
        @Nullable RagRating indicativeRag) {

    /** About a person's life: never printed. */
    @Override
    public String toString() {
        return "MinimumDataSet[redacted]";
    }
}
