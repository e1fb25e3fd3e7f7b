package org.opendsr.meeting.outcomes.domain;

import java.util.List;

import org.opendsr.contracts.common.RagRating;

/** What the DSR team recorded about one person at a meeting, before it is checked. */
public record OutcomeAsked(String summary, List<String> decisions, RagRating agreedRating, String ratingRationale,
                           Boolean discussedWithPersonAndFamily, List<ActionAsked> actions,
                           List<RecommendationAsked> recommendations) {

    public OutcomeAsked {
        decisions = decisions == null ? List.of() : decisions;
        actions = actions == null ? List.of() : actions;
        recommendations = recommendations == null ? List.of() : recommendations;
    }
}
