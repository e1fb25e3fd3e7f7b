package org.opendsr.contracts.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Consent to be on the DSR was recorded (or renewed). Its status is computed from its dates, so a consent given long ago may be overdue at once.
 *
 * <p>{@code dsr.consent.recorded.v1} on {@code dsr.consent.events}.
 */
@Serdeable
public record ConsentRecorded(
        UUID consentId,
        UUID personId,
        ConsentBasis basis,
        LocalDate givenOn,
        LocalDate renewalDueOn,
        ConsentStatus status,
        @Nullable LocalDate graceEndsOn,
        @Nullable UUID renewalOf,
        Instant recordedAt) {
}
