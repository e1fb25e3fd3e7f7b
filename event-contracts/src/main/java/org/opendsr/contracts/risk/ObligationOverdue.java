package org.opendsr.contracts.risk;

import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.serde.annotation.Serdeable;

/**
 * An obligation passed its due date without being done. Published once.
 *
 * <p>{@code dsr.risk.obligation-overdue.v1} on {@code dsr.risk.events}.
 */
@Serdeable
public record ObligationOverdue(
        UUID obligationId,
        UUID personId,
        ObligationKind kind,
        LocalDate dueOn) {
}
