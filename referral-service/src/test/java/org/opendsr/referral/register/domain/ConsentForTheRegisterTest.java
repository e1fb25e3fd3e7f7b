package org.opendsr.referral.register.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendsr.contracts.consent.ConsentStatus;
import org.opendsr.contracts.referral.RemovalReason;
import org.opendsr.kit.rules.RuleBroken;

/**
 * Acceptance needs active consent: ACTIVE, or RENEWAL_DUE (still valid, renewal window open). OVERDUE (the 4-week
 * grace), LAPSED, WITHDRAWN or no consent at all refuse it. Lapsed or withdrawn consent removes the person.
 */
class ConsentForTheRegisterTest {

    @ParameterizedTest
    @EnumSource(value = ConsentStatus.class, names = {"ACTIVE", "RENEWAL_DUE"})
    void activeConsentAllowsAcceptance(ConsentStatus status) {
        assertThat(ConsentForTheRegister.isActive(Optional.of(status))).isTrue();
        assertThatNoException().isThrownBy(() -> ConsentForTheRegister.checkAllowsAcceptance(Optional.of(status)));
    }

    @ParameterizedTest
    @EnumSource(value = ConsentStatus.class, names = {"OVERDUE", "LAPSED", "WITHDRAWN"})
    void consentThatIsNotActiveRefusesAcceptanceSayingWhatItIs(ConsentStatus status) {
        assertThatThrownBy(() -> ConsentForTheRegister.checkAllowsAcceptance(Optional.of(status)))
                .isInstanceOfSatisfying(RuleBroken.class, broken -> {
                    assertThat(broken.problem()).isEqualTo("consent-not-active");
                    assertThat(broken.getMessage()).contains(status.name());
                });
    }

    @Test
    void noConsentAtAllRefusesAcceptance() {
        assertThatThrownBy(() -> ConsentForTheRegister.checkAllowsAcceptance(Optional.empty()))
                .isInstanceOfSatisfying(RuleBroken.class, broken ->
                        assertThat(broken.getMessage()).contains("no consent has been recorded"));
    }

    @Test
    void lapsedOrWithdrawnConsentRemovesThePersonAndNothingElseDoes() {
        assertThat(ConsentForTheRegister.removalFor(ConsentStatus.LAPSED)).contains(RemovalReason.CONSENT_LAPSED);
        assertThat(ConsentForTheRegister.removalFor(ConsentStatus.WITHDRAWN)).contains(RemovalReason.CONSENT_WITHDRAWN);
        assertThat(ConsentForTheRegister.removalFor(ConsentStatus.OVERDUE)).as("the grace period").isEmpty();
        assertThat(ConsentForTheRegister.removalFor(ConsentStatus.RENEWAL_DUE)).isEmpty();
        assertThat(ConsentForTheRegister.removalFor(ConsentStatus.ACTIVE)).isEmpty();
    }

    @Test
    void consentRemovalsAreLeftToConsentService() {
        assertThat(ConsentForTheRegister.isDecidedByConsentService(RemovalReason.CONSENT_LAPSED)).isTrue();
        assertThat(ConsentForTheRegister.isDecidedByConsentService(RemovalReason.CONSENT_WITHDRAWN)).isTrue();
        assertThat(ConsentForTheRegister.isDecidedByConsentService(RemovalReason.STEPPED_DOWN)).isFalse();
        assertThat(ConsentForTheRegister.isDecidedByConsentService(RemovalReason.DIED)).isFalse();
    }
}
