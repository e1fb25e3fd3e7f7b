package org.opendsr.contracts.risk;

import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.serde.annotation.Serdeable;
import org.opendsr.contracts.common.RagRating;

/**
 * No update was posted by the day one was due under the person's rating (every 14 days for RED and AMBER, monthly
 * for GREEN). Published once per missed due date.
 *
 * <p>{@code dsr.risk.update-overdue.v1} on {@code dsr.risk.events}.
 */
@Serdeable
public record UpdateOverdue(
        UUID personId,
        LocalDate dueOn,
        RagRating rating) {
}
