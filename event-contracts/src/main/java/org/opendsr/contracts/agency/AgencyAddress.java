package org.opendsr.contracts.agency;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A postal address.
 */
@Serdeable
public record AgencyAddress(
        String line1,
        @Nullable String line2,
        String town,
        String postcode) {

    /** Carries personal data: never printed, even by mistake. */
    @Override
    public String toString() {
        return "AgencyAddress[personal data redacted]";
    }
}
