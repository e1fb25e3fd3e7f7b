package org.opendsr.referral.careteam.domain;

import java.util.List;
import java.util.UUID;

import org.opendsr.contracts.referral.ReferralRoute;

/**
 * What a person's care team follows from: their referrals (who made each, by which route, where it is, whether the
 * DSR team has made first contact, whether the register entry it opened is still open) and the responsible
 * professional named on their open register entry.
 */
public record CareFacts(List<ReferralFact> referrals, UUID openEntryId, String responsibleProfessional) {

    public CareFacts {
        referrals = List.copyOf(referrals);
    }

    /**
     * One referral. {@code inHand} says it still awaits its outcome after first contact, or was accepted and the
     * register entry it opened is still open.
     */
    public record ReferralFact(UUID referralId, ReferralRoute route, String referredBy, boolean contacted,
                               boolean inHand, String closedAs) {
    }
}
