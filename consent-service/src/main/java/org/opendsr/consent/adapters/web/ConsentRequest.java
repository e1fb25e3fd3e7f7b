package org.opendsr.consent.adapters.web;

import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.opendsr.consent.application.ConsentToRecord;
import org.opendsr.consent.domain.BestInterestsDecision;
import org.opendsr.consent.domain.ConsentGiver;
import org.opendsr.consent.domain.ExplanationFormat;
import org.opendsr.contracts.consent.ConsentBasis;

/**
 * A consent to record, or a renewal of the person's consent when {@code renewalOf} is given. Free text (the form's
 * whereabouts, a format, a decision maker's role) names places and roles, never people.
 */
@Serdeable
@Schema(name = "ConsentRecording", description = "A consent to record, or a renewal when renewalOf is given. "
        + "Free text names places and roles, never people, and holds no contact details.")
public record ConsentRequest(
        @NotNull @Schema(description = "The person, known to consent-service once their referral has reached it")
        UUID personId,
        @NotNull ConsentBasis basis,
        @NotNull @Schema(description = "Who gave it, by relationship (never a name). INFORMED_CONSENT: THE_PERSON; "
                + "BEST_INTERESTS_DECISION: BEST_INTERESTS_DECISION_MAKER; PARENTAL_RESPONSIBILITY: PARENT, "
                + "OTHER_PERSON_WITH_PARENTAL_RESPONSIBILITY or LOCAL_AUTHORITY; WELFARE_DEPUTY_OR_ATTORNEY: "
                + "WELFARE_DEPUTY or HEALTH_AND_WELFARE_ATTORNEY")
        ConsentGiver givenBy,
        @NotNull @Schema(description = "The day it was given: not in the future, at most 2 years ago. The renewal "
                + "dates run from it, so a consent given over 12 months ago is overdue at once", example = "2026-11-02")
        LocalDate givenOn,
        @NotNull @Schema(description = "The format used to explain it") ExplanationFormat explainedWith,
        @Nullable @Schema(description = "Required when explainedWith is OTHER: which format, in up to 100 characters",
                example = "British Sign Language interpreter")
        String explainedWithDetail,
        @NotBlank @Schema(description = "Where the signed form is kept (forms are never uploaded), up to 200 "
                + "characters; never a person's name", example = "Scanned to the community LD team record (SystmOne)")
        String formKeptAt,
        @Nullable @Valid @Schema(description = "Required for, and only for, BEST_INTERESTS_DECISION")
        BestInterests bestInterests,
        @Nullable @Schema(description = "The person's current consent that this one renews") UUID renewalOf) {

    /** A best-interests decision under the Mental Capacity Act 2005. */
    @Serdeable
    @Schema(name = "BestInterestsDecision")
    public record BestInterests(
            @NotNull @Schema(description = "When the person was assessed as lacking capacity to consent; on or "
                    + "before givenOn") LocalDate capacityAssessedOn,
            @NotBlank @Schema(description = "The decision maker's role, up to 100 characters; never a name",
                    example = "Consultant psychiatrist") String decisionMakerRole) {

        @Override
        public String toString() {
            return "BestInterests[capacityAssessedOn=" + capacityAssessedOn + ", role redacted]";
        }
    }

    /** Free text stays out of logs even if this request is printed by mistake. */
    @Override
    public String toString() {
        return "ConsentRequest[personId=" + personId + ", basis=" + basis + ", free text redacted]";
    }

    ConsentToRecord toConsent() {
        return new ConsentToRecord(personId, basis, givenBy, givenOn,
                bestInterests == null ? null
                        : new BestInterestsDecision(bestInterests.capacityAssessedOn(), bestInterests.decisionMakerRole().strip()),
                explainedWith, explainedWithDetail, formKeptAt, renewalOf);
    }
}
