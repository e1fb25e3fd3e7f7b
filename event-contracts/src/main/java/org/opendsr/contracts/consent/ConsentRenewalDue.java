package org.opendsr.contracts.consent;

import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A consent is within the renewal window before its due date.
 *
 * <p>{@code dsr.consent.renewal-due.v1} on {@code dsr.consent.events}.
 */
@Serdeable
public record ConsentRenewalDue(
        UUID consentId,
        UUID personId,
        LocalDate renewalDueOn) {
}
