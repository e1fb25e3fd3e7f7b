package org.opendsr.risk.rating.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.opendsr.contracts.common.RagRating;
import org.opendsr.risk.shared.domain.RatingCause;

/**
 * One entry of a person's rating history: the rating, who decided it and in what capacity, when, why, whether it was
 * discussed with the person and their family, whether a meeting agreed it (and which), and the rating tool's
 * suggestion if one was used, with the reason where the decision differs from it. A tool suggests; a professional
 * decides. Kept for ever with the person's record: ratings are never edited, only followed by newer ones.
 *
 * @param discussedWithPersonAndFamily null for a system's record (an admission or discharge report)
 */
public record RatingDecision(UUID ratingId, UUID personId, RagRating rating, RagRating previous, RatingCause cause,
                             boolean indicative, String decidedBy, Decider decidedAs, Instant at, LocalDate on,
                             String rationale, Boolean discussedWithPersonAndFamily, UUID meetingId,
                             Suggestion suggestion, String reasonForDifferingFromTool) {

    /** Whether the decision differs from the tool's suggestion it was made beside. */
    public boolean differsFromTool() {
        return suggestion != null && suggestion.suggested() != rating;
    }
}
