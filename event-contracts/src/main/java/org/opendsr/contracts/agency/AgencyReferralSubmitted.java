package org.opendsr.contracts.agency;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.opendsr.contracts.common.RagRating;

/**
 * An agency system refers someone to the DSR. Inbound: carries personal data, read only by referral-service.
 *
 * <p>{@code dsr.agency.referral-submitted.v1} on the agency's own topic {@code dsr.agency.inbound.<agency-id>}.
 */
@Serdeable
public record AgencyReferralSubmitted(
        String agencyReference,
        AgencyPerson person,
        String reasonForReferral,
        String currentIssues,
        @Nullable String whatHasBeenTried,
        @Nullable String whatCouldReduceRisk,
        @Nullable RagRating indicativeRag,
        AgencyReferrer referrer) {

    /** Carries personal data: never printed, even by mistake. */
    @Override
    public String toString() {
        return "AgencyReferralSubmitted[personal data redacted]";
    }
}
