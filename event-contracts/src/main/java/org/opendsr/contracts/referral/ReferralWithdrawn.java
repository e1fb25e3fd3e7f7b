package org.opendsr.contracts.referral;

import java.time.Instant;
import java.util.UUID;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A referral was withdrawn before an outcome.
 *
 * <p>{@code dsr.referral.withdrawn.v1} on {@code dsr.referral.events}.
 */
@Serdeable
public record ReferralWithdrawn(
        UUID referralId,
        UUID personId,
        Instant withdrawnAt,
        WithdrawalReason reason,
        String referredBy) {
}
