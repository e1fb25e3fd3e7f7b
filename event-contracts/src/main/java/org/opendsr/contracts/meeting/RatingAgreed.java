package org.opendsr.contracts.meeting;

import java.time.LocalDate;
import java.util.UUID;

import org.opendsr.contracts.common.RagRating;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A meeting agreed a person's rating. risk-service records it as the rating agreed at this meeting (the rationale,
 * which is free text, stays in meeting-service's outcome; risk-service points to it).
 *
 * <p>{@code dsr.meeting.rating-agreed.v1} on {@code dsr.meeting.events}, keyed by personId.
 *
 * @param recordedBy the subject (token {@code sub}) of the DSR team member or lead who recorded the outcome
 * @param discussedWithPersonAndFamily whether the person and their family took part in the discussion
 */
@Serdeable
public record RatingAgreed(
        UUID meetingId,
        UUID outcomeId,
        UUID personId,
        RagRating rating,
        LocalDate agreedOn,
        boolean discussedWithPersonAndFamily,
        String recordedBy) {
}
