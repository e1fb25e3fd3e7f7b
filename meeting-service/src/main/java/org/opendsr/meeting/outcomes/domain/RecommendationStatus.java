package org.opendsr.meeting.outcomes.domain;

/** A recommended service: made, then met (it is being provided) or unmet (a service gap), once. */
public enum RecommendationStatus {
    MADE, MET, UNMET
}
