package org.opendsr.risk.rating.application;

import org.opendsr.risk.rating.domain.RatingDecision;

/** Publishes rating changes ({@code dsr.risk.rating-changed.v1}) in the caller's transaction. */
public interface RatingEvents {

    void ratingChanged(RatingDecision decision);
}
