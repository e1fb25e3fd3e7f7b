package org.opendsr.referral.application;

import java.time.LocalDate;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.contracts.common.RagRating;

/**
 * A professional's referral with the DSR minimum data set: who, why, what could lead to admission or placement
 * breakdown, what has been tried, what could further reduce risk, and an indicative RAG if they give one.
 */
public record NewProfessionalReferral(
        String givenName,
        String familyName,
        LocalDate dateOfBirth,
        @Nullable String nhsNumber,
        String postcode,
        String locality,
        String reasonForReferral,
        String currentIssues,
        @Nullable String whatHasBeenTried,
        @Nullable String whatCouldReduceRisk,
        @Nullable RagRating indicativeRag) {

    /** Personal data stays out of logs and messages even if this is printed by mistake. */
    @Override
    public String toString() {
        return "NewProfessionalReferral[personal data redacted]";
    }
}
