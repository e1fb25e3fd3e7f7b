package org.opendsr.contracts.referral;

import java.time.Instant;
import java.util.UUID;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A referral was declined, with the reason; the referrer is told.
 *
 * <p>{@code dsr.referral.declined.v1} on {@code dsr.referral.events}.
 */
@Serdeable
public record ReferralDeclined(
        UUID referralId,
        UUID personId,
        Instant declinedAt,
        DeclineReason reason,
        String referredBy) {
}
