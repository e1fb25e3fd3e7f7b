package org.opendsr.risk.rating.domain;

import java.util.UUID;

import org.opendsr.contracts.common.RagRating;

/** What a rating tool suggested in the assessment a decision was made beside. */
public record Suggestion(UUID assessmentId, String toolId, int toolVersion, RagRating suggested) {
}
