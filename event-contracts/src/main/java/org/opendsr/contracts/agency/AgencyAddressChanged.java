package org.opendsr.contracts.agency;

import java.time.LocalDate;

import io.micronaut.serde.annotation.Serdeable;

/**
 * An agency system reports a person's new address. Matched by NHS number.
 *
 * <p>{@code dsr.agency.address-changed.v1} on {@code dsr.agency.inbound.<agency-id>}; superseded by v2, which adds the date of birth.
 */
@Serdeable
public record AgencyAddressChanged(
        String nhsNumber,
        AgencyAddress address,
        String locality,
        LocalDate effectiveFrom) {

    /** Carries personal data: never printed, even by mistake. */
    @Override
    public String toString() {
        return "AgencyAddressChanged[personal data redacted]";
    }
}
