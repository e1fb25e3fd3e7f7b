package org.opendsr.referral.lifecycle.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import org.junit.jupiter.api.Test;
import org.opendsr.contracts.referral.DeclineReason;
import org.opendsr.kit.rules.RuleBroken;

/**
 * NHSE DSR policy 2023: a learning disability and/or autism (diagnosed or on an assessment pathway), at risk of
 * admission or placement breakdown, and in the ICB's area. Accepted only when all are met; a decline for a
 * criterion's reason must say that criterion was not met.
 */
class EligibilityChecklistTest {

    private static final EligibilityChecklist ALL_MET = new EligibilityChecklist(true, true, true);

    @Test
    void everyCriterionMetAllowsAcceptance() {
        assertThat(ALL_MET.allMet()).isTrue();
        assertThatNoException().isThrownBy(ALL_MET::checkAllowsAcceptance);
    }

    @Test
    void anyCriterionUnmetRefusesAcceptanceNamingIt() {
        EligibilityChecklist notAtRisk = new EligibilityChecklist(true, false, true);

        assertThat(notAtRisk.unmet()).containsExactly(EligibilityChecklist.Criterion.AT_RISK_OF_ADMISSION_OR_PLACEMENT_BREAKDOWN);
        assertThatThrownBy(notAtRisk::checkAllowsAcceptance)
                .isInstanceOfSatisfying(RuleBroken.class, broken -> {
                    assertThat(broken.problem()).isEqualTo("eligibility-criteria-not-met");
                    assertThat(broken.getMessage()).contains("atRiskOfAdmissionOrPlacementBreakdown");
                });
    }

    @Test
    void aDeclineForACriterionsReasonNeedsThatCriterionUnmet() {
        EligibilityChecklist outOfArea = new EligibilityChecklist(true, true, false);

        assertThatNoException().isThrownBy(() -> outOfArea.checkSupportsDecline(DeclineReason.LIVES_OUT_OF_AREA));
        assertThatThrownBy(() -> outOfArea.checkSupportsDecline(DeclineReason.NO_LEARNING_DISABILITY_OR_AUTISM))
                .isInstanceOfSatisfying(RuleBroken.class, broken -> {
                    assertThat(broken.problem()).isEqualTo("decline-contradicts-checklist");
                    assertThat(broken.getMessage()).contains("learningDisabilityOrAutism");
                });
        assertThatThrownBy(() -> outOfArea.checkSupportsDecline(DeclineReason.NOT_AT_RISK_OF_ADMISSION))
                .isInstanceOf(RuleBroken.class);
    }

    @Test
    void noConsentOrAnotherReasonCanBeGivenWhateverTheChecklistSays() {
        assertThatNoException().isThrownBy(() -> ALL_MET.checkSupportsDecline(DeclineReason.NO_CONSENT));
        assertThatNoException().isThrownBy(() -> ALL_MET.checkSupportsDecline(DeclineReason.OTHER));
    }

    @Test
    void whatTheDsrIsNotForCanBeGivenWhenEveryCriterionIsMet() {
        assertThatNoException().isThrownBy(() ->
                ALL_MET.checkSupportsDecline(DeclineReason.NEEDS_DIRECT_HELP_OR_EMERGENCY_RESPONSE));
        assertThatNoException().isThrownBy(() -> ALL_MET.checkSupportsDecline(DeclineReason.WANTS_TO_SKIP_WAITING_LIST));
        assertThatNoException().isThrownBy(() -> ALL_MET.checkSupportsDecline(DeclineReason.MAIN_NEED_IS_AN_EHCP));
    }
}
