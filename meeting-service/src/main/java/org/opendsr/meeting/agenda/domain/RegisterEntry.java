package org.opendsr.meeting.agenda.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.opendsr.contracts.common.RagRating;

/**
 * What the agenda needs to know of a person from the register meeting-service follows (referral-, consent- and
 * risk-service's events), by personId only. Nullable fields are unknown or not applicable.
 *
 * @param onRegister         accepted and not (yet) removed
 * @param leftAt             when they left the register or their referral was closed (declined, withdrawn)
 * @param ratedOn            the day the current rating was given
 * @param updateOverdueSince the day the last missed update was due, while one is overdue
 */
public record RegisterEntry(
        UUID personId,
        Instant referredAt,
        Instant acceptedAt,
        boolean onRegister,
        Instant leftAt,
        RagRating rating,
        boolean ratingIndicative,
        RagRating previousRating,
        LocalDate ratedOn,
        Instant ratingChangedAt,
        LocalDate updateOverdueSince,
        LocalDate consentRenewalDueOn) {

    public RegisterEntry {
        Objects.requireNonNull(personId, "personId");
    }

    /** Referred and neither accepted nor turned away yet. */
    boolean awaitingDecision() {
        return !onRegister && acceptedAt == null && leftAt == null && referredAt != null;
    }
}
