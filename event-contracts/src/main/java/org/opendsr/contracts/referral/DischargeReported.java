package org.opendsr.contracts.referral;

import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.serde.annotation.Serdeable;

/**
 * An agency reported that the person was discharged from hospital.
 *
 * <p>{@code dsr.person.discharge-reported.v1} on {@code dsr.referral.events}.
 */
@Serdeable
public record DischargeReported(
        UUID personId,
        LocalDate dischargedOn,
        String reportedBy) {
}
