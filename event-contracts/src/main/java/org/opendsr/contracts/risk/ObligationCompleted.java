package org.opendsr.contracts.risk;

import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An obligation closed: done (with the review that met it, where several kinds can) or not needed (why stays in
 * risk-service: no free text on events).
 *
 * <p>{@code dsr.risk.obligation-completed.v1} on {@code dsr.risk.events}.
 */
@Serdeable
public record ObligationCompleted(
        UUID obligationId,
        UUID personId,
        ObligationKind kind,
        ObligationOutcome outcome,
        LocalDate completedOn,
        @Nullable ReviewType reviewType) {
}
