package org.opendsr.contracts.lifecycle;

import java.time.Instant;
import java.util.UUID;

import io.micronaut.serde.annotation.Serdeable;

/**
 * referral-service erased a person's record: their identity, contacts and referrals are gone. Every service that
 * holds anything under this {@code personId} deletes or anonymises it and confirms with its own
 * {@link ErasureConfirmed} event; reporting keeps only counts it can no longer link to anyone.
 *
 * <p>{@code dsr.person.erased.v1} on {@code dsr.referral.events}.
 */
@Serdeable
public record PersonErased(
        UUID personId,
        ErasureGrounds grounds,
        Instant erasedAt) {
}
