package org.opendsr.risk.rating.adapters.persistence;

import java.util.Optional;
import java.util.UUID;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import org.opendsr.risk.shared.application.ToolSuggestion;
import org.opendsr.risk.shared.application.ToolSuggestions;

/** TEMPORARY on risk-base until the tools feature lands: no assessments exist. Removed when tools merge. */
@Singleton
@Secondary
class NoToolSuggestionsYet implements ToolSuggestions {

    @Override
    public Optional<ToolSuggestion> of(UUID personId, UUID assessmentId) {
        return Optional.empty();
    }
}
