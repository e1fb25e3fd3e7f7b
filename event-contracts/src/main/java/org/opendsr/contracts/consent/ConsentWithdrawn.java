package org.opendsr.contracts.consent;

import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Consent was withdrawn: the person is to be removed from the register.
 *
 * <p>{@code dsr.consent.withdrawn.v1} on {@code dsr.consent.events}.
 */
@Serdeable
public record ConsentWithdrawn(
        UUID consentId,
        UUID personId,
        LocalDate withdrawnOn,
        ConsentWithdrawalReason reason) {
}
