package org.opendsr.referral.lifecycle.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.opendsr.referral.lifecycle.domain.ReferralStatus;

/**
 * Where a referral is after a step of its lifecycle, without personal data.
 *
 * @param at                      when the step was recorded
 * @param firstContactDueOn       the first-contact deadline
 * @param contactedWithinDeadline after first contact: whether it met the deadline
 * @param registerEntryId         after acceptance: the person's register entry
 */
@Serdeable
public record ReferralOutcome(UUID referralId, UUID personId, ReferralStatus status, Instant at,
                              LocalDate firstContactDueOn, @Nullable Boolean contactedWithinDeadline,
                              @Nullable UUID registerEntryId) {
}
