package org.opendsr.contracts.lifecycle;

import java.time.Instant;
import java.util.UUID;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Two records were found to be the same person and merged in referral-service: {@code from} is gone and everything
 * held under it now belongs to {@code into}. Every service re-keys or links what it holds, idempotently (the same
 * merge delivered twice changes nothing the second time). Keyed by {@code from}, so it follows every event about it.
 *
 * <p>{@code dsr.person.merged.v1} on {@code dsr.referral.events}.
 */
@Serdeable
public record PersonMerged(
        UUID from,
        UUID into,
        Instant mergedAt) {
}
