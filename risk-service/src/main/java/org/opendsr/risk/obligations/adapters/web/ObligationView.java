package org.opendsr.risk.obligations.adapters.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.contracts.risk.ObligationKind;
import org.opendsr.contracts.risk.ReviewType;
import org.opendsr.risk.obligations.domain.Obligation;
import org.opendsr.risk.obligations.domain.ObligationReviews;
import org.opendsr.risk.obligations.domain.ObligationStatus;
import org.opendsr.risk.obligations.domain.OpeningCause;

/** One obligation as its person's care team, DSR team and leads see it; known by personId only. */
@Serdeable
@Schema(name = "Obligation", description = "Something a rating obliges, by a date")
public record ObligationView(
        UUID obligationId,
        UUID personId,
        ObligationKind kind,
        @Schema(description = "As it stands today: DUE or BOOKED until the due date, OVERDUE after it (booked or "
                + "not; bookedFor says when), DONE or NOT_NEEDED once closed") ObligationStatus status,
        LocalDate dueOn,
        @Schema(description = "The day the due date counts from: the rating change, the admission, the previous review")
        LocalDate scheduledFrom,
        Instant openedAt,
        @Schema(description = "What opened it: the rating change's cause, or RECURRENCE for the next inpatient C(E)TR "
                + "or oversight visit") OpeningCause openedBy,
        RagRating ratingAtOpening,
        @Schema(description = "The reviews that can meet it, the usual one first; empty when it is not met by a review")
        List<ReviewType> metBy,
        @Nullable LocalDate bookedFor,
        @Nullable @Schema(description = "The day it was done, or the day it was found not needed") LocalDate completedOn,
        @Nullable ReviewType reviewType,
        @Nullable UUID meetingId,
        @Schema(description = "CTR_PARTNERS: the agencies and services who would join a C(E)TR") List<String> partners,
        @Nullable @Schema(description = "NOT_NEEDED: why") String notNeededReason,
        @Nullable Instant closedAt) {

    /** As it stands on {@code today} (England): an open one past its due date is OVERDUE, swept or not. */
    static ObligationView of(Obligation obligation, LocalDate today) {
        Obligation.Snapshot s = obligation.snapshot();
        return new ObligationView(s.id(), s.personId(), s.kind(), obligation.statusOn(today), s.dueOn(), s.scheduledFrom(),
                s.openedAt(), s.openedBy(), s.ratingAtOpening(), ObligationReviews.meeting(s.kind()), s.bookedFor(),
                s.completedOn(), s.reviewType(), s.meetingId(), s.partners(), s.notNeededReason(), s.closedAt());
    }

    @Override
    public String toString() {
        return "ObligationView[obligationId=" + obligationId + ", kind=" + kind + ", status=" + status + "]";
    }
}
