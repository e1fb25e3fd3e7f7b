package org.opendsr.referral.lifecycle.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opendsr.referral.lifecycle.domain.ReferralStatus.ACCEPTED;
import static org.opendsr.referral.lifecycle.domain.ReferralStatus.CONTACTED;
import static org.opendsr.referral.lifecycle.domain.ReferralStatus.DECLINED;
import static org.opendsr.referral.lifecycle.domain.ReferralStatus.RECEIVED;
import static org.opendsr.referral.lifecycle.domain.ReferralStatus.WITHDRAWN;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendsr.kit.rules.RuleBroken;

/**
 * Received, then first contact, then an outcome (accepted or declined, every referral gets one); withdrawn at any time
 * before the outcome. An outcome is final.
 */
class ReferralLifecycleTest {

    private static final boolean COMPLETE = true;
    private static final boolean INCOMPLETE = false;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"RECEIVED, CONTACTED", "RECEIVED, WITHDRAWN", "CONTACTED, ACCEPTED", "CONTACTED, DECLINED",
            "CONTACTED, WITHDRAWN"})
    void theseMovesAreAllowed(ReferralStatus from, ReferralStatus to) {
        assertThat(ReferralLifecycle.allows(from, to, COMPLETE)).isTrue();
        ReferralLifecycle.check(from, to, COMPLETE);
    }

    @ParameterizedTest(name = "{0} cannot be {1} before first contact")
    @EnumSource(value = ReferralStatus.class, names = {"ACCEPTED", "DECLINED"})
    void anOutcomeNeedsFirstContact(ReferralStatus outcome) {
        assertThatThrownBy(() -> ReferralLifecycle.check(RECEIVED, outcome, COMPLETE))
                .isInstanceOfSatisfying(RuleBroken.class, broken -> {
                    assertThat(broken.problem()).isEqualTo("referral-transition-not-allowed");
                    assertThat(broken.getMessage()).contains("first contact");
                });
    }

    @ParameterizedTest(name = "a {0} referral is final")
    @EnumSource(value = ReferralStatus.class, names = {"ACCEPTED", "DECLINED", "WITHDRAWN"})
    void anOutcomeIsFinal(ReferralStatus closed) {
        for (ReferralStatus next : ReferralStatus.values()) {
            assertThat(ReferralLifecycle.allows(closed, next, COMPLETE)).as("%s -> %s", closed, next).isFalse();
        }
        assertThatThrownBy(() -> ReferralLifecycle.check(closed, WITHDRAWN, COMPLETE))
                .isInstanceOfSatisfying(RuleBroken.class, broken -> assertThat(broken.problem()).isEqualTo("referral-closed"));
    }

    @Test
    void contactCannotBeRecordedTwice() {
        assertThatThrownBy(() -> ReferralLifecycle.check(CONTACTED, CONTACTED, COMPLETE))
                .isInstanceOfSatisfying(RuleBroken.class, broken -> assertThat(broken.getMessage()).contains("already"));
    }

    @Test
    void anIncompleteSelfOrFamilyReferralCanOnlyBeWithdrawnUntilTheDsrTeamCompletesIt() {
        assertThat(ReferralLifecycle.allows(RECEIVED, WITHDRAWN, INCOMPLETE)).isTrue();
        for (ReferralStatus next : new ReferralStatus[] {CONTACTED, ACCEPTED, DECLINED}) {
            assertThat(ReferralLifecycle.allows(RECEIVED, next, INCOMPLETE)).as("-> %s", next).isFalse();
        }
        assertThatThrownBy(() -> ReferralLifecycle.check(RECEIVED, CONTACTED, INCOMPLETE))
                .isInstanceOfSatisfying(RuleBroken.class, broken -> assertThat(broken.problem()).isEqualTo("referral-incomplete"));
    }

    @Test
    void onlyReceivedAndContactedReferralsAreOpen() {
        assertThat(RECEIVED.isOpen()).isTrue();
        assertThat(CONTACTED.isOpen()).isTrue();
        assertThat(ACCEPTED.isOpen()).isFalse();
        assertThat(DECLINED.isOpen()).isFalse();
        assertThat(WITHDRAWN.isOpen()).isFalse();
    }
}
