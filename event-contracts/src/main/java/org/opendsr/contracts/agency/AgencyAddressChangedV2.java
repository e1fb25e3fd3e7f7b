package org.opendsr.contracts.agency;

import java.time.LocalDate;

import io.micronaut.serde.annotation.Serdeable;

/**
 * An agency system reports a person's new address. Matched by NHS number <em>and</em> date of birth, to a person that
 * agency referred or is recorded as providing care for; v1 carried no date of birth, so an NHS number alone could
 * redirect anyone's contact details (issue 11 finding 4).
 *
 * <p>{@code dsr.agency.address-changed.v2} on the agency's own topic {@code dsr.agency.inbound.<agency-id>}.
 */
@Serdeable
public record AgencyAddressChangedV2(
        String nhsNumber,
        LocalDate dateOfBirth,
        AgencyAddress address,
        String locality,
        LocalDate effectiveFrom) {

    /** Carries personal data: never printed, even by mistake. */
    @Override
    public String toString() {
        return "AgencyAddressChangedV2[personal data redacted]";
    }
}
