package org.opendsr.referral.intake.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.micronaut.serde.annotation.Serdeable;
import org.opendsr.referral.lifecycle.domain.ReferralStatus;

/**
 * What receiving a referral did. The sender is told only what {@code ReferralReceiptView} shows (the same for a
 * person known or not); the rest is for agency replies and tests of the use case.
 *
 * @param personWasKnown    true when the NHS number matched someone the DSR already knows, whom the referral links to
 * @param firstContactDueOn the last working day by which the DSR team makes first contact
 * @param detailsKeptForReview for a person already known, the fields the referral gave differently from their
 *                          record: kept with the referral for the DSR team to review, not written over the record
 */
@Serdeable
public record ReferralReceipt(UUID referralId, UUID personId, ReferralStatus status, Instant receivedAt,
                              boolean personWasKnown, LocalDate firstContactDueOn,
                              List<String> detailsKeptForReview) {
}
