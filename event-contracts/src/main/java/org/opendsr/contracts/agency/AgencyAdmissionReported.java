package org.opendsr.contracts.agency;

import java.time.LocalDate;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An agency system reports an admission to a mental health hospital. Matched by NHS number.
 *
 * <p>{@code dsr.agency.admission-reported.v1} on {@code dsr.agency.inbound.<agency-id>}; superseded by v2, which adds the date of birth.
 */
@Serdeable
public record AgencyAdmissionReported(
        String nhsNumber,
        LocalDate admittedOn,
        @Nullable String hospital) {

    /** Carries personal data: never printed, even by mistake. */
    @Override
    public String toString() {
        return "AgencyAdmissionReported[personal data redacted]";
    }
}
