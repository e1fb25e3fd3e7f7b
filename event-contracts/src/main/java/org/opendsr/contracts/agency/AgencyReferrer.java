package org.opendsr.contracts.agency;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The professional the referral comes from.
 */
@Serdeable
public record AgencyReferrer(
        String name,
        String role,
        String organisation,
        @Nullable String email,
        @Nullable String phone) {

    /** Carries personal data: never printed, even by mistake. */
    @Override
    public String toString() {
        return "AgencyReferrer[personal data redacted]";
    }
}
