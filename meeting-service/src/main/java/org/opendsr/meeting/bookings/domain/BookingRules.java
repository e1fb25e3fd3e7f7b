package org.opendsr.meeting.bookings.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.opendsr.contracts.risk.ObligationKind;
import org.opendsr.contracts.risk.ReviewType;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.meeting.shared.domain.WorkingHours;
import org.opendsr.meeting.shared.domain.PlanningHorizon;

/**
 * When a review may be booked (NHSE C(E)TR policy 2023): a planned community or inpatient C(E)TR and a LAEP that is
 * not urgent need at least {@code ctrNotice} (two weeks) so that the panel and the family can come, counted in England
 * days (booked on the 1st, the 15th is the earliest); only a LAEP may be urgent, and an urgent LAEP needs no notice. A
 * post-admission C(E)TR needs none: it is due within 14 days of the admission (a child's), so two weeks' notice would
 * make it impossible to hold in time. Nothing is booked past the {@link PlanningHorizon}. Documents are due
 * {@code documentsDueBefore} (24 hours) before it starts. The review type must be one that meets the obligation
 * ({@link ObligationKind#reviews()}, the mapping risk-service completes by).
 */
public final class BookingRules {

    /** The reviews that need notice unless urgent: C(E)TRs, and a LAEP when it is not urgent. */
    private static final Set<ReviewType> NEED_NOTICE = EnumSet.of(ReviewType.COMMUNITY_CTR,
            ReviewType.INPATIENT_CTR, ReviewType.LAEP);
    /** The longest a booked review may last: a day's meeting. */
    static final Duration LONGEST = Duration.ofHours(12);

    private final Duration ctrNotice;
    private final Duration documentsDueBefore;

    public BookingRules(Duration ctrNotice, Duration documentsDueBefore) {
        this.ctrNotice = Objects.requireNonNull(ctrNotice, "ctrNotice");
        this.documentsDueBefore = Objects.requireNonNull(documentsDueBefore, "documentsDueBefore");
        if (ctrNotice.isNegative() || documentsDueBefore.isNegative()) {
            throw new IllegalArgumentException("notice and documents-due-before cannot be negative");
        }
    }

    /** The review type meets the obligation: refused naming {@code obligationId} when no review meets its kind. */
    public void requireMeets(ObligationKind kind, ReviewType reviewType) {
        if (kind.reviews().isEmpty()) {
            throw RuleBroken.invalid("obligationId", "a " + kind + " obligation is not met by a review and cannot "
                    + "be booked");
        }
        if (reviewType == null) {
            throw RuleBroken.invalid("reviewType", "is required: " + allowed(kind));
        }
        if (!kind.metBy(reviewType)) {
            throw RuleBroken.invalid("reviewType", "a " + kind + " obligation is met by " + allowed(kind) + ", not "
                    + reviewType);
        }
    }

    /**
     * The times are possible now: in the future, ending after starting, within a day, with the notice the review
     * needs. Refused naming the field (and, for notice, the earliest day allowed).
     */
    public void requireTimes(ReviewType reviewType, boolean urgent, Instant startsAt, Instant endsAt, Instant now) {
        if (urgent && reviewType != ReviewType.LAEP) {
            throw RuleBroken.invalid("urgent", "only a LAEP may be urgent");
        }
        if (startsAt == null) {
            throw RuleBroken.invalid("startsAt", "is required");
        }
        if (endsAt == null) {
            throw RuleBroken.invalid("endsAt", "is required");
        }
        if (!startsAt.isAfter(now)) {
            throw RuleBroken.invalid("startsAt", "must be in the future");
        }
        PlanningHorizon.requireWithin("startsAt", startsAt, now);
        if (!endsAt.isAfter(startsAt)) {
            throw RuleBroken.invalid("endsAt", "must be after startsAt");
        }
        if (Duration.between(startsAt, endsAt).compareTo(LONGEST) > 0) {
            throw RuleBroken.invalid("endsAt", "a review lasts at most " + LONGEST.toHours() + " hours");
        }
        if (needsNotice(reviewType, urgent)) {
            LocalDate earliest = earliestDay(now);
            if (LocalDate.ofInstant(startsAt, WorkingHours.ENGLAND).isBefore(earliest)) {
                throw RuleBroken.invalid("startsAt", "a planned " + reviewType + " needs at least "
                        + ctrNotice.toDays() + " days' notice: the earliest day is " + earliest
                        + (reviewType == ReviewType.LAEP ? " (unless it is urgent)" : ""));
            }
        }
    }

    public boolean needsNotice(ReviewType reviewType, boolean urgent) {
        return NEED_NOTICE.contains(reviewType) && !(urgent && reviewType == ReviewType.LAEP);
    }

    /** The first England day a review needing notice may be booked for, booking at {@code now}. */
    public LocalDate earliestDay(Instant now) {
        return LocalDate.ofInstant(now, WorkingHours.ENGLAND).plusDays(ctrNotice.toDays());
    }

    public Instant documentsDueAt(Instant startsAt) {
        return startsAt.minus(documentsDueBefore);
    }

    private static String allowed(ObligationKind kind) {
        return String.join(" or ", kind.reviews().stream().map(Enum::name).toList());
    }
}
