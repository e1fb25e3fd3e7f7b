package org.opendsr.contracts.agency;

import java.time.LocalDate;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.opendsr.contracts.common.Diagnosis;

/**
 * The person referred, as the agency system records them.
 */
@Serdeable
public record AgencyPerson(
        String nhsNumber,
        String givenName,
        String familyName,
        LocalDate dateOfBirth,
        AgencyAddress address,
        String locality,
        @Nullable String phone,
        @Nullable String email,
        @Nullable Diagnosis diagnosis) {

    /** Carries personal data: never printed, even by mistake. */
    @Override
    public String toString() {
        return "AgencyPerson[personal data redacted]";
    }
}
