package org.opendsr.meeting.outcomes.domain;

/** A service recommendation as the meeting put it, before it is checked against the catalogue. */
public record RecommendationAsked(String serviceType, String note) {
}
