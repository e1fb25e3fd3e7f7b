package org.opendsr.meeting.bookings.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.meeting.CancellationReason;
import org.opendsr.meeting.bookings.domain.BookingChange;
import org.opendsr.meeting.bookings.domain.BookingStatus;
import org.opendsr.meeting.bookings.domain.ReviewBooking;
import org.opendsr.meeting.shared.application.MeetingAccess;
import org.opendsr.meeting.shared.application.RegisterFollower;
import org.opendsr.meeting.shared.application.ReviewObligation;

/**
 * A booked review that can no longer be wanted is cancelled, so the attendees' calendars drop it (review-cancelled
 * with a higher sequence, METHOD:CANCEL on its .ics): every open booking of a person who left the register
 * (PERSON_LEFT_REGISTER), and the open booking of an obligation risk-service closed (NOT_NEEDED: it is done or no
 * longer needed; a booking already held is not open). Through the booking itself, in the event's transaction.
 *
 * <p>Access decision: the owning services decided (referral-service, risk-service, over their own topics); the change
 * is audited as theirs.
 */
@Singleton
class CancellingWithTheRegister implements RegisterFollower {

    private final ReviewBookings bookings;
    private final BookingEvents events;
    private final MeetingAccess access;
    private final Clock clock;

    CancellingWithTheRegister(ReviewBookings bookings, BookingEvents events, MeetingAccess access, Clock clock) {
        this.bookings = bookings;
        this.events = events;
        this.access = access;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void personLeftRegister(UUID personId, Instant at) {
        bookings.ofPerson(personId).stream()
                .filter(booking -> booking.status() == BookingStatus.BOOKED)
                .forEach(booking -> cancel(booking.id(), CancellationReason.PERSON_LEFT_REGISTER, "referral-service"));
    }

    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void obligationClosed(UUID obligationId, UUID personId, ReviewObligation.Status status) {
        bookings.openFor(obligationId)
                .ifPresent(booking -> cancel(booking.id(), CancellationReason.NOT_NEEDED, "risk-service"));
    }

    private void cancel(UUID bookingId, CancellationReason reason, String decidedBy) {
        Optional<ReviewBooking> locked = bookings.findForUpdate(bookingId)
                .filter(booking -> booking.status() == BookingStatus.BOOKED);
        locked.ifPresent(booking -> {
            BookingChange.Cancelled cancelled = booking.cancel(reason, clock.instant());
            bookings.save(booking);
            events.publish(cancelled);
            access.auditedBySystem(decidedBy, booking.personId(), "CHANGED", "review booking",
                    Map.of("bookingId", bookingId.toString(), "status", BookingStatus.BOOKED.name()),
                    Map.of("bookingId", bookingId.toString(), "status", booking.status().name(),
                            "cancellationReason", reason.name(), "sequence", booking.sequence()));
        });
    }
}
