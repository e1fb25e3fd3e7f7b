package org.opendsr.meeting.shared.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.contracts.common.LifeStage;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.contracts.consent.ConsentStatus;
import org.opendsr.meeting.shared.domain.TurningEighteen;

/**
 * What meeting-service knows of a person, by personId only, from referral-, consent- and risk-service's events: enough
 * to build an agenda and check a booking, nothing that identifies them (names reach a meeting through the gateway's
 * person view, never through this store).
 *
 * @param lifeStage        as the latest referral gave it (an adult once the retired turned-18 announcement said so);
 *                         what holds on a day is {@link #lifeStageOn}
 * @param area             the locality the person lives in (the DSR team's area); moves follow. Null while only another
 *                         topic's event has been seen (referral-service's may be overtaken)
 * @param updateOverdueSince the day the last missed update was due, while one is overdue
 * @param consentRenewalDueOn when the current consent is due for renewal (annual or at 18)
 * @param turns18In        the month in which they turn 18, once referral-service has announced it
 */
public record RegisterPerson(
        UUID personId,
        @Nullable String area,
        @Nullable LifeStage lifeStage,
        @Nullable Instant referredAt,
        @Nullable Instant acceptedAt,
        boolean onRegister,
        @Nullable Instant removedAt,
        @Nullable RagRating rating,
        boolean ratingIndicative,
        @Nullable RagRating previousRating,
        @Nullable LocalDate ratedOn,
        @Nullable Instant ratingChangedAt,
        @Nullable LocalDate updateOverdueSince,
        @Nullable LocalDate consentRenewalDueOn,
        @Nullable ConsentStatus consentStatus,
        @Nullable YearMonth turns18In) {

    /** Child or adult on a day ({@link TurningEighteen}); null when no referral of theirs has been seen. */
    public @Nullable LifeStage lifeStageOn(LocalDate day) {
        return TurningEighteen.lifeStageOn(lifeStage, turns18In, day);
    }
}
