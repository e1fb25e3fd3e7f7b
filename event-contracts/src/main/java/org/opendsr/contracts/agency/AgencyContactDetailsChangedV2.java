package org.opendsr.contracts.agency;

import java.time.LocalDate;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An agency system reports a person's new phone or email. Matched by NHS number <em>and</em> date of birth, to a
 * person that agency referred or is recorded as providing care for.
 *
 * <p>{@code dsr.agency.contact-details-changed.v2} on the agency's own topic {@code dsr.agency.inbound.<agency-id>}.
 */
@Serdeable
public record AgencyContactDetailsChangedV2(
        String nhsNumber,
        LocalDate dateOfBirth,
        @Nullable String phone,
        @Nullable String email) {

    /** Carries personal data: never printed, even by mistake. */
    @Override
    public String toString() {
        return "AgencyContactDetailsChangedV2[personal data redacted]";
    }
}
