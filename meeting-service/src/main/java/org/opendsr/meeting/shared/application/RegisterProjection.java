package org.opendsr.meeting.shared.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.contracts.common.LifeStage;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.contracts.consent.ConsentStatus;
import org.opendsr.contracts.risk.ObligationKind;

/**
 * The write side of the projections ({@link RegisterPeople}, {@link ReviewObligations}), used only by
 * {@link FollowingTheRegister} in the inbound event's transaction. Each write is an upsert that a redelivered event
 * repeats harmlessly. The person methods that need the person already known return false when they are not.
 */
public interface RegisterProjection {

    void referred(UUID personId, String area, LifeStage lifeStage, Instant referredAt);

    void accepted(UUID personId, String area, LifeStage lifeStage, Instant acceptedAt);

    boolean removed(UUID personId, Instant removedAt);

    /** The referral in hand was declined or withdrawn: no longer awaiting a decision (recorded as left). */
    boolean referralClosed(UUID personId, Instant closedAt);

    boolean moved(UUID personId, String area);

    /** The retired day-precise announcement, made on the birthday: an adult from now. */
    boolean turned18(UUID personId);

    /** The month in which they turn 18, announced ahead; the first announcement stands. */
    boolean turning18In(UUID personId, YearMonth month);

    /** Another topic's event may overtake referral-service's: kept against the personId, placed in no area yet. */
    void rated(UUID personId, RagRating rating, @Nullable RagRating previous, LocalDate ratedOn, boolean indicative,
               Instant at);

    void updateOverdue(UUID personId, LocalDate dueOn);

    void updatePosted(UUID personId);

    void consent(UUID personId, UUID consentId, @Nullable LocalDate renewalDueOn, ConsentStatus status);

    /** Only the consent the projection holds changes (an older consent's event changes nothing). */
    void consentStatus(UUID personId, UUID consentId, ConsentStatus status, @Nullable LocalDate renewalDueOn);

    void obligationDue(UUID obligationId, UUID personId, ObligationKind kind, LocalDate dueOn, RagRating rating);

    void obligationOverdue(UUID obligationId, UUID personId, ObligationKind kind, LocalDate dueOn);

    void obligationClosed(UUID obligationId, UUID personId, ObligationKind kind, ReviewObligation.Status status);
}
