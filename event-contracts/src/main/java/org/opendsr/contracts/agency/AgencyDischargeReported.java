package org.opendsr.contracts.agency;

import java.time.LocalDate;

import io.micronaut.serde.annotation.Serdeable;

/**
 * An agency system reports a discharge from hospital. Matched by NHS number.
 *
 * <p>{@code dsr.agency.discharge-reported.v1} on {@code dsr.agency.inbound.<agency-id>}; superseded by v2, which adds the date of birth.
 */
@Serdeable
public record AgencyDischargeReported(
        String nhsNumber,
        LocalDate dischargedOn) {

    /** Carries personal data: never printed, even by mistake. */
    @Override
    public String toString() {
        return "AgencyDischargeReported[personal data redacted]";
    }
}
