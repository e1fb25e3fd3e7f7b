package org.opendsr.meeting.bookings.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.opendsr.meeting.bookings.domain.ReviewBooking;

/** Every review booked, in PostgreSQL; none is deleted (held and cancelled ones are history). */
public interface ReviewBookings {

    Optional<ReviewBooking> find(UUID bookingId);

    /** The booking, locked until the caller's transaction ends. */
    Optional<ReviewBooking> findForUpdate(UUID bookingId);

    /** The obligation's booking still BOOKED, if any (at most one: a unique index keeps it so). */
    Optional<ReviewBooking> openFor(UUID obligationId);

    /** The person's bookings, soonest first. */
    List<ReviewBooking> ofPerson(UUID personId);

    void save(ReviewBooking booking);
}
