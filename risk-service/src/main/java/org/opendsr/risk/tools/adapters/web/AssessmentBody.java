package org.opendsr.risk.tools.adapters.web;

import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import org.opendsr.risk.tools.application.AssessmentRequest;

/** An assessment as posted; every field is checked by the use case, which names the bad one. */
@Serdeable
@Schema(name = "RatingToolAssessmentRequest")
public record AssessmentBody(
        @Schema(description = "The tool answered, e.g. dsr-12-question", requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable String toolId,
        @Schema(description = "The version answered", requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable Integer version,
        @Schema(description = "questionId -> optionId, one for every question of that version",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable Map<String, String> answers) {

    AssessmentRequest toRequest() {
        return new AssessmentRequest(toolId, version, answers);
    }
}
