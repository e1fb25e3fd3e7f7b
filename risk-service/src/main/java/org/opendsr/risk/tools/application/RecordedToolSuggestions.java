package org.opendsr.risk.tools.application;

import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.opendsr.risk.shared.application.ToolSuggestion;
import org.opendsr.risk.shared.application.ToolSuggestions;

/**
 * What an assessment suggested, for the rating use case: the professional's decision is recorded beside it and may
 * differ (with a reason). Runs in the rating's transaction. Only the person's own assessments are found.
 */
@Singleton
public class RecordedToolSuggestions implements ToolSuggestions {

    private final Assessments assessments;

    public RecordedToolSuggestions(Assessments assessments) {
        this.assessments = assessments;
    }

    @Override
    public Optional<ToolSuggestion> of(UUID personId, UUID assessmentId) {
        return assessments.find(personId, assessmentId).map(assessment -> new ToolSuggestion(
                assessment.assessmentId(), assessment.toolId(), assessment.version(), assessment.suggestedRating()));
    }
}
