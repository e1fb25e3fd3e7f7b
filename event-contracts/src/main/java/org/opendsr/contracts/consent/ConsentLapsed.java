package org.opendsr.contracts.consent;

import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Consent was not renewed within the grace period: the person is to be removed from the register.
 *
 * <p>{@code dsr.consent.lapsed.v1} on {@code dsr.consent.events}.
 */
@Serdeable
public record ConsentLapsed(
        UUID consentId,
        UUID personId,
        LocalDate lapsedOn) {
}
