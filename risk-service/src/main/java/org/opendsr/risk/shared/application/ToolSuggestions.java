package org.opendsr.risk.shared.application;

import java.util.Optional;
import java.util.UUID;

/** The suggestions of recorded assessments, for the decision recorded beside them. */
public interface ToolSuggestions {

    /** The assessment's suggestion, if it exists and is about this person. */
    Optional<ToolSuggestion> of(UUID personId, UUID assessmentId);
}
