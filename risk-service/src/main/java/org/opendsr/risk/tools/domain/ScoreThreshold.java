package org.opendsr.risk.tools.domain;

import org.opendsr.contracts.common.RagRating;

/** From this score up (to the next threshold) the tool suggests this rating. */
public record ScoreThreshold(int minScore, RagRating rating) {
}
