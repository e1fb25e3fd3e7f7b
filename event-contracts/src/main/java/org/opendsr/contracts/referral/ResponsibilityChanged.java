package org.opendsr.contracts.referral;

import java.time.Instant;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A register entry got, or lost, its responsible professional.
 *
 * <p>{@code dsr.register.responsibility-changed.v1} on {@code dsr.referral.events}.
 */
@Serdeable
public record ResponsibilityChanged(
        UUID registerEntryId,
        UUID personId,
        ResponsibilityChange change,
        @Nullable String responsibleProfessional,
        Instant changedAt) {
}
