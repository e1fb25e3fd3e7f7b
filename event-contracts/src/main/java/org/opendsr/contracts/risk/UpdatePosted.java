package org.opendsr.contracts.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Someone posted a brief update in the person's updates box. Says that an update was posted and when the next is
 * due, never what it says: the text stays in risk-service.
 *
 * <p>{@code dsr.risk.update-posted.v1} on {@code dsr.risk.events}.
 */
@Serdeable
public record UpdatePosted(
        UUID personId,
        UUID updateId,
        Instant postedAt,
        LocalDate nextDueOn) {
}
