package org.opendsr.contracts.meeting;

import java.time.LocalDate;
import java.util.UUID;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An agreed action passed its due date without being done (published once per action).
 *
 * <p>{@code dsr.meeting.action-overdue.v1} on {@code dsr.meeting.events}, keyed by personId.
 */
@Serdeable
public record ActionOverdue(
        UUID actionId,
        UUID personId,
        LocalDate dueOn) {
}
