package org.opendsr.meeting.bookings.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.opendsr.contracts.meeting.CancellationReason;
import org.opendsr.contracts.risk.ObligationKind;
import org.opendsr.contracts.risk.ReviewType;
import org.opendsr.kit.rules.RuleBroken;

/**
 * A review booked against one of risk-service's obligations: a community, post-admission or inpatient C(E)TR, a LAEP,
 * a multi-agency meeting or an oversight visit. Not a {@code Meeting}: it is the review's own record, and risk-service
 * follows it through review-booked, review-held and review-cancelled. It decides its own changes and returns them
 * ({@link BookingChange}); every change the attendees' calendars must take raises its {@code sequence}.
 */
public final class ReviewBooking {

    private final UUID id;
    private final UUID obligationId;
    private final UUID personId;
    private final ObligationKind obligationKind;
    private final ReviewType reviewType;
    private final boolean urgent;
    private final Instant bookedAt;
    private final String bookedBy;
    private Instant startsAt;
    private Instant endsAt;
    private Instant documentsDueAt;
    private Venue venue;
    private BookingStatus status;
    private int sequence;
    private Instant heldAt;
    private Instant cancelledAt;
    private CancellationReason cancellationReason;

    private ReviewBooking(Snapshot s) {
        this.id = Objects.requireNonNull(s.id(), "id");
        this.obligationId = Objects.requireNonNull(s.obligationId(), "obligationId");
        this.personId = Objects.requireNonNull(s.personId(), "personId");
        this.obligationKind = Objects.requireNonNull(s.obligationKind(), "obligationKind");
        this.reviewType = Objects.requireNonNull(s.reviewType(), "reviewType");
        this.urgent = s.urgent();
        this.bookedAt = s.bookedAt();
        this.bookedBy = s.bookedBy();
        this.startsAt = s.startsAt();
        this.endsAt = s.endsAt();
        this.documentsDueAt = s.documentsDueAt();
        this.venue = s.venue() == null ? new Venue(null, null) : s.venue();
        this.status = Objects.requireNonNull(s.status(), "status");
        this.sequence = s.sequence();
        this.heldAt = s.heldAt();
        this.cancelledAt = s.cancelledAt();
        this.cancellationReason = s.cancellationReason();
    }

    /**
     * A review booked now for an open obligation of this kind (the caller checked it is open and has no other open
     * booking), by the rules of notice and documents.
     */
    public static BookingChange.Booked book(UUID id, UUID obligationId, UUID personId, ObligationKind kind,
                                            ReviewType reviewType, boolean urgent, Instant startsAt, Instant endsAt,
                                            Venue venue, BookingRules rules, Instant now, String by) {
        rules.requireMeets(kind, reviewType);
        rules.requireTimes(reviewType, urgent, startsAt, endsAt, now);
        ReviewBooking booking = new ReviewBooking(new Snapshot(id, obligationId, personId, kind, reviewType, urgent,
                now, by, startsAt, endsAt, rules.documentsDueAt(startsAt), venue, BookingStatus.BOOKED, 0, null,
                null, null));
        return new BookingChange.Booked(booking, false);
    }

    public static ReviewBooking restore(Snapshot snapshot) {
        return new ReviewBooking(snapshot);
    }

    /** Moved to another time (and place, if given): the same notice rule, a higher sequence, review-booked again. */
    public BookingChange.Booked rebook(Instant newStart, Instant newEnd, Venue newVenue, BookingRules rules,
                                       Instant now) {
        requireBooked("rebooked");
        rules.requireTimes(reviewType, urgent, newStart, newEnd, now);
        startsAt = newStart;
        endsAt = newEnd;
        documentsDueAt = rules.documentsDueAt(newStart);
        if (newVenue != null && newVenue.describe() != null) {
            venue = newVenue;
        }
        sequence++;
        return new BookingChange.Booked(this, true);
    }

    /** It took place. Not before it started: a review recorded as held in advance would complete an obligation. */
    public BookingChange.Held hold(Instant at) {
        requireBooked("held");
        if (at.isBefore(startsAt)) {
            throw RuleBroken.conflict("review-not-started", "The review has not started",
                    "a review is recorded as held once it has started (it starts at " + startsAt + ")");
        }
        status = BookingStatus.HELD;
        heldAt = at;
        return new BookingChange.Held(this);
    }

    /** It will not take place: the invitation is cancelled with a higher sequence; the obligation re-opens. */
    public BookingChange.Cancelled cancel(CancellationReason reason, Instant at) {
        if (reason == null) {
            throw RuleBroken.invalid("reason", "is required");
        }
        requireBooked("cancelled");
        status = BookingStatus.CANCELLED;
        cancellationReason = reason;
        cancelledAt = at;
        sequence++;
        return new BookingChange.Cancelled(this, at);
    }

    private void requireBooked(String change) {
        if (status != BookingStatus.BOOKED) {
            String now = status.name().toLowerCase();
            throw RuleBroken.conflict("review-" + now, "The review is " + now,
                    "a " + now + " review cannot be " + change);
        }
    }

    public Snapshot snapshot() {
        return new Snapshot(id, obligationId, personId, obligationKind, reviewType, urgent, bookedAt, bookedBy,
                startsAt, endsAt, documentsDueAt, venue, status, sequence, heldAt, cancelledAt, cancellationReason);
    }

    public UUID id() {
        return id;
    }

    public UUID obligationId() {
        return obligationId;
    }

    public UUID personId() {
        return personId;
    }

    public ReviewType reviewType() {
        return reviewType;
    }

    public boolean urgent() {
        return urgent;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public Instant documentsDueAt() {
        return documentsDueAt;
    }

    public Venue venue() {
        return venue;
    }

    public BookingStatus status() {
        return status;
    }

    public int sequence() {
        return sequence;
    }

    public Instant heldAt() {
        return heldAt;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }

    public CancellationReason cancellationReason() {
        return cancellationReason;
    }

    /** Everything a booking holds, for storing and restoring it. */
    public record Snapshot(UUID id, UUID obligationId, UUID personId, ObligationKind obligationKind,
                           ReviewType reviewType, boolean urgent, Instant bookedAt, String bookedBy, Instant startsAt,
                           Instant endsAt, Instant documentsDueAt, Venue venue, BookingStatus status, int sequence,
                           Instant heldAt, Instant cancelledAt, CancellationReason cancellationReason) {
    }
}
