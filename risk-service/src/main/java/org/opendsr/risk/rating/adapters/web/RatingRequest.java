package org.opendsr.risk.rating.adapters.web;

import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.risk.rating.application.RatingPeople;

/** A rating decision, as posted. Missing or bad fields are refused by the domain, naming the field. */
@Serdeable
@Schema(description = "A decision about a person's risk of admission to a mental health hospital (not any other risk)")
public record RatingRequest(
        @Schema(description = "RED: immediate risk of admission; AMBER: at risk without urgent intervention; GREEN: "
                + "risks managed; BLUE: currently an inpatient (records an admission)") @Nullable RagRating rating,
        @Schema(description = "Why: required, kept with the rating, never published", maxLength = 2000)
        @Nullable String rationale,
        @Schema(description = "Whether the rating was discussed with the person and their family/carers (required)")
        @Nullable Boolean discussedWithPersonAndFamily,
        @Schema(description = "The meeting that agreed it: a meeting's rating is confirmed") @Nullable UUID meetingId,
        @Schema(description = "The rating-tool assessment the decision was made beside") @Nullable UUID assessmentId,
        @Schema(description = "Required when the decision differs from the assessment's suggestion", maxLength = 2000)
        @Nullable String reasonForDifferingFromTool) {

    RatingPeople.Decision toDecision() {
        return new RatingPeople.Decision(rating, rationale, discussedWithPersonAndFamily, meetingId, assessmentId,
                reasonForDifferingFromTool);
    }
}
