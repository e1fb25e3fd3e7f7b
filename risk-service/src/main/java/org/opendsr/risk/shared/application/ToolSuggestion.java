package org.opendsr.risk.shared.application;

import java.util.UUID;

import org.opendsr.contracts.common.RagRating;

/** What an assessment with a rating tool suggested. A tool suggests; a professional decides. */
public record ToolSuggestion(UUID assessmentId, String toolId, int version, RagRating suggested) {
}
