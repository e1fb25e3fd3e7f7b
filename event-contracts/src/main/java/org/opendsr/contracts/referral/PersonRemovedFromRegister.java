package org.opendsr.contracts.referral;

import java.time.Instant;
import java.util.UUID;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A person left the register, with the reason.
 *
 * <p>{@code dsr.register.person-removed.v1} on {@code dsr.referral.events}.
 */
@Serdeable
public record PersonRemovedFromRegister(
        UUID registerEntryId,
        UUID personId,
        Instant removedAt,
        RemovalReason reason) {
}
