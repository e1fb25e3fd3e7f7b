package org.opendsr.meeting.bookings.application;

import org.opendsr.meeting.bookings.domain.BookingChange;

/** Publishes review-booked, review-held and review-cancelled through the kit's outbox, in the caller's transaction. */
public interface BookingEvents {

    void publish(BookingChange change);
}
