package org.opendsr.contracts.consent;

import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A consent was not renewed by its due date: the 4-week grace period runs.
 *
 * <p>{@code dsr.consent.overdue.v1} on {@code dsr.consent.events}.
 */
@Serdeable
public record ConsentOverdue(
        UUID consentId,
        UUID personId,
        LocalDate overdueSince,
        LocalDate graceEndsOn,
        OverdueReason reason) {
}
