package org.opendsr.referral.access.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opendsr.referral.access.domain.NeedToKnow.ReferralTheyMade;
import org.opendsr.referral.lifecycle.domain.ReferralStatus;

/** Need-to-know: a referrer sees the person while their referral is in hand, not for ever. */
class NeedToKnowTest {

    private static ReferralTheyMade referral(ReferralStatus status, boolean entryOpen) {
        return new ReferralTheyMade(status, entryOpen);
    }

    @Test
    void aReferrerSeesThePersonWhileTheReferralWaitsForItsOutcome() {
        assertThat(NeedToKnow.professionalMaySee(List.of(referral(ReferralStatus.RECEIVED, false)), false, false)).isTrue();
        assertThat(NeedToKnow.professionalMaySee(List.of(referral(ReferralStatus.CONTACTED, false)), false, false)).isTrue();
    }

    @Test
    void aReferrerSeesThePersonWhileTheAcceptedReferralsRegisterEntryIsOpen() {
        assertThat(NeedToKnow.professionalMaySee(List.of(referral(ReferralStatus.ACCEPTED, true)), false, false)).isTrue();
    }

    @Test
    void aReferrerNoLongerSeesThePersonOnceTheyLeftTheRegister() {
        assertThat(NeedToKnow.professionalMaySee(List.of(referral(ReferralStatus.ACCEPTED, false)), false, false)).isFalse();
    }

    @Test
    void aDeclinedOrWithdrawnReferralGivesNoAccess() {
        assertThat(NeedToKnow.professionalMaySee(List.of(referral(ReferralStatus.DECLINED, false),
                referral(ReferralStatus.WITHDRAWN, false)), false, false)).isFalse();
    }

    @Test
    void anyReferralStillInHandIsEnough() {
        assertThat(NeedToKnow.professionalMaySee(List.of(referral(ReferralStatus.DECLINED, false),
                referral(ReferralStatus.RECEIVED, false)), false, false)).isTrue();
    }

    @Test
    void keyAndResponsibleProfessionalsSeeThePersonWhateverTheirReferrals() {
        assertThat(NeedToKnow.professionalMaySee(List.of(referral(ReferralStatus.DECLINED, false)), true, false)).isTrue();
        assertThat(NeedToKnow.professionalMaySee(List.of(), false, true)).isTrue();
    }

    @Test
    void someoneWithNoLinkSeesNothing() {
        assertThat(NeedToKnow.professionalMaySee(List.of(), false, false)).isFalse();
    }
}
