package org.opendsr.meeting.agenda.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.opendsr.contracts.common.RagRating;
import org.opendsr.contracts.consent.ConsentStatus;

/**
 * What the agenda needs to know of a person from the register meeting-service follows (referral-, consent- and
 * risk-service's events), by personId only. Nullable fields are unknown or not applicable.
 *
 * @param onRegister         accepted and not (yet) removed
 * @param leftAt             when they left the register or their referral was closed (declined, withdrawn)
 * @param ratedOn            the day the current rating was given
 * @param updateOverdueSince the day the last missed update was due, while one is overdue
 * @param consentStatus      where the person's consent is (LAPSED or WITHDRAWN: register removal is expected)
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
        LocalDate consentRenewalDueOn,
        ConsentStatus consentStatus) {

    public RegisterEntry {
        Objects.requireNonNull(personId, "personId");
    }

    /** Someone whose consent's status is not known (only its renewal day, if any). */
    public RegisterEntry(UUID personId, Instant referredAt, Instant acceptedAt, boolean onRegister, Instant leftAt,
                         RagRating rating, boolean ratingIndicative, RagRating previousRating, LocalDate ratedOn,
                         Instant ratingChangedAt, LocalDate updateOverdueSince, LocalDate consentRenewalDueOn) {
        this(personId, referredAt, acceptedAt, onRegister, leftAt, rating, ratingIndicative, previousRating, ratedOn,
                ratingChangedAt, updateOverdueSince, consentRenewalDueOn, null);
    }

    /** Consent lapsed or was withdrawn: nothing is left to renew, referral-service is to remove the person. */
    boolean consentEnded() {
        return consentStatus == ConsentStatus.LAPSED || consentStatus == ConsentStatus.WITHDRAWN;
    }

    /** Referred and neither accepted nor turned away yet. */
    boolean awaitingDecision() {
        return !onRegister && acceptedAt == null && leftAt == null && referredAt != null;
    }
}
