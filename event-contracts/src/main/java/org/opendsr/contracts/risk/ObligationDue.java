package org.opendsr.contracts.risk;

import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.serde.annotation.Serdeable;
import org.opendsr.contracts.common.RagRating;

/**
 * A rating (or an admission) obliges something by a date: a C(E)TR, a multi-agency meeting, a visit, a keyworker
 * referral. meeting-service books reviews against these.
 *
 * <p>{@code dsr.risk.obligation-due.v1} on {@code dsr.risk.events}.
 *
 * @param rating the rating that opened it
 */
@Serdeable
public record ObligationDue(
        UUID obligationId,
        UUID personId,
        ObligationKind kind,
        LocalDate dueOn,
        RagRating rating) {
}
