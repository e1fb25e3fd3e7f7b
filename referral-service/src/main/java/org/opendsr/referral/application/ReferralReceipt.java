package org.opendsr.referral.application;

import java.time.Instant;
import java.util.UUID;

import io.micronaut.serde.annotation.Serdeable;
import org.opendsr.referral.domain.ReferralStatus;

/**
 * What the referrer gets back.
 *
 * @param personWasKnown true when the NHS number matched someone the DSR already knows, whom the referral links to
 */
@Serdeable
public record ReferralReceipt(UUID referralId, UUID personId, ReferralStatus status, Instant receivedAt,
                              boolean personWasKnown) {
}
