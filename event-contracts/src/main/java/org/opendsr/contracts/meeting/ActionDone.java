package org.opendsr.contracts.meeting;

import java.time.LocalDate;
import java.util.UUID;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An agreed action was done.
 *
 * <p>{@code dsr.meeting.action-done.v1} on {@code dsr.meeting.events}, keyed by personId.
 */
@Serdeable
public record ActionDone(
        UUID actionId,
        UUID personId,
        LocalDate dueOn,
        LocalDate doneOn) {
}
