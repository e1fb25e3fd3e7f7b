package org.opendsr.referral.lifecycle.adapters.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.opendsr.contracts.referral.DeclineReason;
import org.opendsr.contracts.referral.WithdrawalReason;
import org.opendsr.referral.lifecycle.application.DecidingReferrals;
import org.opendsr.referral.lifecycle.domain.EligibilityChecklist;
import org.opendsr.kit.web.StrictBoolean;
import org.opendsr.kit.web.NotBlankWhenGiven;

/** Requests of the referral lifecycle after intake: the decisions and withdrawal. */
public final class LifecycleRequests {

    private LifecycleRequests() {
    }

    /** The DSR criteria, each assessed as met or not. */
    @Serdeable
    @Schema(name = "EligibilityCriteria")
    public record Criteria(
            @NotNull @Schema(description = "A learning disability and/or autism, diagnosed or on an assessment pathway")
            @Serdeable.Deserializable(using = StrictBoolean.class) Boolean learningDisabilityOrAutism,
            @NotNull @Schema(description = "At risk of admission to a mental health hospital or of placement breakdown")
            @Serdeable.Deserializable(using = StrictBoolean.class) Boolean atRiskOfAdmissionOrPlacementBreakdown,
            @NotNull @Schema(description = "Lives in, or is registered with a GP in, the ICB's area")
            @Serdeable.Deserializable(using = StrictBoolean.class) Boolean livesInIcbArea) {

        EligibilityChecklist toChecklist() {
            return new EligibilityChecklist(learningDisabilityOrAutism, atRiskOfAdmissionOrPlacementBreakdown,
                    livesInIcbArea);
        }
    }

    @Serdeable
    @Schema(name = "Acceptance")
    public record AcceptanceRequest(
            @NotNull @Valid Criteria criteria,
            @Nullable @NotBlankWhenGiven @Size(max = 200)
            @Schema(description = "DSR user id; by default the professional who referred (none for other routes)")
            String responsibleProfessional) {

        DecidingReferrals.Acceptance toAcceptance() {
            return new DecidingReferrals.Acceptance(criteria.toChecklist(), responsibleProfessional);
        }
    }

    @Serdeable
    @Schema(name = "Declinal")
    public record DeclinalRequest(@NotNull DeclineReason reason, @NotNull @Valid Criteria criteria,
                           @Nullable @Size(max = 4000) String notes) {

        DecidingReferrals.Declinal toDeclinal() {
            return new DecidingReferrals.Declinal(reason, criteria.toChecklist(), notes);
        }

        @Override
        public String toString() {
            return "DeclinalRequest[" + reason + ", notes redacted]";
        }
    }

    @Serdeable
    @Schema(name = "Withdrawal")
    public record WithdrawalRequest(@NotNull WithdrawalReason reason, @Nullable @Size(max = 4000) String notes) {
        @Override
        public String toString() {
            return "WithdrawalRequest[" + reason + ", notes redacted]";
        }
    }
}
