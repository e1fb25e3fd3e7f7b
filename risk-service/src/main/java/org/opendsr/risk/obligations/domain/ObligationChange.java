package org.opendsr.risk.obligations.domain;

import java.time.LocalDate;

import org.opendsr.contracts.common.RagRating;
import org.opendsr.contracts.risk.ObligationOutcome;
import org.opendsr.contracts.risk.ReviewType;

/**
 * What happened to an obligation. The application stores {@link #obligation()} and publishes the change in the
 * same transaction: opened and rescheduled as {@code obligation-due}, overdue as {@code obligation-overdue}, closed
 * as {@code obligation-completed}; a booking is audited, not announced (meeting-service books through its own events).
 */
public sealed interface ObligationChange {

    /** The obligation as it stands after the change. */
    Obligation obligation();

    /** A rating (or the previous review) obliges something by {@code dueOn}. */
    record Opened(Obligation obligation, LocalDate dueOn, RagRating rating) implements ObligationChange {
    }

    /** An open obligation is now due on another day (an inpatient C(E)TR once the setting is known). */
    record Rescheduled(Obligation obligation, LocalDate previouslyDueOn, LocalDate dueOn) implements ObligationChange {
    }

    /** A date was booked for it (or moved). */
    record Booked(Obligation obligation, ObligationStatus previousStatus, LocalDate previouslyBookedFor,
                  LocalDate bookedFor) implements ObligationChange {
    }

    /**
     * The booked date was withdrawn (the review was cancelled): open again, DUE or (its due date passed) OVERDUE.
     * Audited, not announced, like a booking.
     */
    record BookingWithdrawn(Obligation obligation, ObligationStatus previousStatus, LocalDate previouslyBookedFor)
            implements ObligationChange {
    }

    /** Its due date passed without it being done. */
    record BecameOverdue(Obligation obligation, ObligationStatus previousStatus, LocalDate dueOn)
            implements ObligationChange {
    }

    /**
     * Its due date passed again after it was announced as overdue (stored BOOKED by an earlier booking): OVERDUE once
     * more, audited, but never announced a second time.
     */
    record OverdueAgain(Obligation obligation, ObligationStatus previousStatus, LocalDate dueOn)
            implements ObligationChange {
    }

    /** Done (with the review that met it) or not needed (the reason stays on the obligation). */
    record Closed(Obligation obligation, ObligationStatus previousStatus, ObligationOutcome outcome,
                  LocalDate closedOn, ReviewType reviewType) implements ObligationChange {
    }
}
