package org.opendsr.referral.access.domain;

import java.util.Collection;
import org.opendsr.referral.lifecycle.domain.ReferralStatus;

/**
 * Which professionals may see and edit a person's record (Caldicott principle 4, need-to-know): a key professional,
 * the responsible professional, and a referrer while their referral is in hand: waiting for its outcome, or accepted
 * and the register entry it opened still open. A referrer whose referral was declined or withdrawn, or whose person
 * has since left the register, has no further part in the person's care and so no further access. The DSR team and
 * leads see everyone (not decided here).
 */
public final class NeedToKnow {

    private NeedToKnow() {
    }

    /** One referral the professional made for the person, and whether the register entry it opened is still open. */
    public record ReferralTheyMade(ReferralStatus status, boolean itsRegisterEntryIsOpen) {
    }

    public static boolean professionalMaySee(Collection<ReferralTheyMade> referralsTheyMade, boolean keyProfessional,
                                             boolean responsibleProfessional) {
        return keyProfessional || responsibleProfessional
                || referralsTheyMade.stream().anyMatch(NeedToKnow::stillInHand);
    }

    static boolean stillInHand(ReferralTheyMade referral) {
        return referral.status().isOpen()
                || referral.status() == ReferralStatus.ACCEPTED && referral.itsRegisterEntryIsOpen();
    }
}
