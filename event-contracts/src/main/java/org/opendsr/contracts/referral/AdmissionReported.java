package org.opendsr.contracts.referral;

import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.serde.annotation.Serdeable;

/**
 * An agency reported that the person was admitted to hospital.
 *
 * <p>{@code dsr.person.admission-reported.v1} on {@code dsr.referral.events}.
 */
@Serdeable
public record AdmissionReported(
        UUID personId,
        LocalDate admittedOn,
        String reportedBy) {
}
