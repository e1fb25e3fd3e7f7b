package org.opendsr.contracts.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The DSR team made first contact about a referral.
 *
 * <p>{@code dsr.referral.contacted.v1} on {@code dsr.referral.events}.
 */
@Serdeable
public record ReferralContacted(
        UUID referralId,
        UUID personId,
        Instant contactedAt,
        LocalDate firstContactDueOn,
        boolean withinDeadline) {
}
