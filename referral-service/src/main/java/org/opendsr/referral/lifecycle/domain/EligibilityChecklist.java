package org.opendsr.referral.lifecycle.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.opendsr.contracts.referral.DeclineReason;
import org.opendsr.kit.rules.RuleBroken;

/**
 * The DSR criteria a referral is assessed against, recorded with the decision (NHSE DSR and C(E)TR policy 2023):
 * a learning disability and/or autism (diagnosed or on an assessment pathway), a risk of admission to a mental
 * health hospital or of placement breakdown, and living in (or registered with a GP in) the ICB's area. Consent is
 * not a box to tick here: it is what consent-service says it is.
 */
public record EligibilityChecklist(boolean learningDisabilityOrAutism,
                                   boolean atRiskOfAdmissionOrPlacementBreakdown,
                                   boolean livesInIcbArea) {

    /** One criterion, named as the API names it. */
    public enum Criterion {
        LEARNING_DISABILITY_OR_AUTISM("learningDisabilityOrAutism",
                "a learning disability and/or autism, diagnosed or on an assessment pathway"),
        AT_RISK_OF_ADMISSION_OR_PLACEMENT_BREAKDOWN("atRiskOfAdmissionOrPlacementBreakdown",
                "a risk of admission to a mental health hospital or of placement breakdown"),
        LIVES_IN_ICB_AREA("livesInIcbArea", "lives in, or is registered with a GP in, the ICB's area");

        private final String field;
        private final String meaning;

        Criterion(String field, String meaning) {
            this.field = field;
            this.meaning = meaning;
        }

        public String field() {
            return field;
        }

        public String meaning() {
            return meaning;
        }
    }

    public List<Criterion> unmet() {
        List<Criterion> unmet = new ArrayList<>();
        if (!learningDisabilityOrAutism) {
            unmet.add(Criterion.LEARNING_DISABILITY_OR_AUTISM);
        }
        if (!atRiskOfAdmissionOrPlacementBreakdown) {
            unmet.add(Criterion.AT_RISK_OF_ADMISSION_OR_PLACEMENT_BREAKDOWN);
        }
        if (!livesInIcbArea) {
            unmet.add(Criterion.LIVES_IN_ICB_AREA);
        }
        return unmet;
    }

    public boolean allMet() {
        return unmet().isEmpty();
    }

    /** Acceptance needs every criterion met. */
    public void checkAllowsAcceptance() {
        List<Criterion> unmet = unmet();
        if (!unmet.isEmpty()) {
            throw RuleBroken.conflict("eligibility-criteria-not-met", "The DSR criteria are not all met",
                    "a referral is accepted only when every criterion is met; not met: "
                            + String.join(", ", unmet.stream().map(Criterion::field).toList())
                            + " (decline it with the reason instead)");
        }
    }

    /**
     * A decline for a criterion's reason must be borne out by the checklist: declining for "no learning disability or
     * autism" while ticking that criterion as met would leave a record that contradicts itself.
     */
    public void checkSupportsDecline(DeclineReason reason) {
        criterionBehind(reason).filter(criterion -> !unmet().contains(criterion)).ifPresent(criterion -> {
            throw RuleBroken.conflict("decline-contradicts-checklist", "The reason contradicts the checklist",
                    "the referral is declined as " + reason + " but the checklist records " + criterion.field()
                            + " as met");
        });
    }

    /**
     * The criterion a reason says was not met, if any. Exhaustive, so that a new reason is placed here: no consent,
     * and what the DSR is not for (direct help or an emergency, skipping a waiting list, an EHCP), can be given when
     * every criterion is met, as can another reason.
     */
    static Optional<Criterion> criterionBehind(DeclineReason reason) {
        return switch (reason) {
            case NO_LEARNING_DISABILITY_OR_AUTISM -> Optional.of(Criterion.LEARNING_DISABILITY_OR_AUTISM);
            case NOT_AT_RISK_OF_ADMISSION -> Optional.of(Criterion.AT_RISK_OF_ADMISSION_OR_PLACEMENT_BREAKDOWN);
            case LIVES_OUT_OF_AREA -> Optional.of(Criterion.LIVES_IN_ICB_AREA);
            case NO_CONSENT, NEEDS_DIRECT_HELP_OR_EMERGENCY_RESPONSE, WANTS_TO_SKIP_WAITING_LIST, MAIN_NEED_IS_AN_EHCP,
                 OTHER -> Optional.empty();
        };
    }
}
