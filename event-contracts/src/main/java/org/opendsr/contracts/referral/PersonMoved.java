package org.opendsr.contracts.referral;

import java.time.Instant;
import java.util.UUID;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A person's address changed; only the locality leaves referral-service.
 *
 * <p>{@code dsr.person.moved.v1} on {@code dsr.referral.events}.
 */
@Serdeable
public record PersonMoved(
        UUID personId,
        String locality,
        boolean outOfArea,
        Instant movedAt) {
}
