package org.opendsr.referral.intake.adapters.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import org.opendsr.referral.intake.application.ReferralReceipt;
import org.opendsr.referral.lifecycle.domain.ReferralStatus;

/**
 * What whoever sent a referral gets back: the same fields, with values of the same shape, whether or not the DSR
 * already knew the person, whether the details agreed with their record, and whether the NHS number is held for
 * someone else. Whether the person was known, and the details kept for review, are the DSR team's to see on the
 * referral ({@code GET /referrals/{id}}) and their worklists, never the sender's: anything else would let anyone with
 * an NHS number ask the DSR whether it knows that person.
 *
 * @param firstContactDueOn the last working day by which the DSR team makes first contact
 */
@Serdeable
@Schema(name = "ReferralReceipt")
public record ReferralReceiptView(UUID referralId, UUID personId, ReferralStatus status, Instant receivedAt,
                                  LocalDate firstContactDueOn) {

    static ReferralReceiptView of(ReferralReceipt receipt) {
        return new ReferralReceiptView(receipt.referralId(), receipt.personId(), receipt.status(),
                receipt.receivedAt(), receipt.firstContactDueOn());
    }
}
