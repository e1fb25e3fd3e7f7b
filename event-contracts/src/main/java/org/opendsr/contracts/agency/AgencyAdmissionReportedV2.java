package org.opendsr.contracts.agency;

import java.time.LocalDate;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An agency system reports an admission to a mental health hospital. Matched by NHS number <em>and</em> date of birth,
 * to a person that agency referred or is recorded as providing care for.
 *
 * <p>{@code dsr.agency.admission-reported.v2} on the agency's own topic {@code dsr.agency.inbound.<agency-id>}.
 */
@Serdeable
public record AgencyAdmissionReportedV2(
        String nhsNumber,
        LocalDate dateOfBirth,
        LocalDate admittedOn,
        @Nullable String hospital) {

    /** Carries personal data: never printed, even by mistake. */
    @Override
    public String toString() {
        return "AgencyAdmissionReportedV2[personal data redacted]";
    }
}
