package org.opendsr.contracts.agency;

import java.time.LocalDate;

import io.micronaut.serde.annotation.Serdeable;

/**
 * An agency system reports a discharge from hospital. Matched by NHS number <em>and</em> date of birth, to a person
 * that agency referred or is recorded as providing care for.
 *
 * <p>{@code dsr.agency.discharge-reported.v2} on the agency's own topic {@code dsr.agency.inbound.<agency-id>}.
 */
@Serdeable
public record AgencyDischargeReportedV2(
        String nhsNumber,
        LocalDate dateOfBirth,
        LocalDate dischargedOn) {

    /** Carries personal data: never printed, even by mistake. */
    @Override
    public String toString() {
        return "AgencyDischargeReportedV2[personal data redacted]";
    }
}
