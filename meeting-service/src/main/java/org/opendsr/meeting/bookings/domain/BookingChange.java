package org.opendsr.meeting.bookings.domain;

import java.time.Instant;

/** What changed about a booked review, as the booking decided it: stored and published together. */
public sealed interface BookingChange {

    ReviewBooking booking();

    /** Booked for the first time, or moved ({@code rebooked}) with a higher sequence: review-booked. */
    record Booked(ReviewBooking booking, boolean rebooked) implements BookingChange {
    }

    /** It took place: review-held, and risk-service completes the obligation. */
    record Held(ReviewBooking booking) implements BookingChange {
    }

    /** It will not take place: review-cancelled, and risk-service re-opens the obligation. */
    record Cancelled(ReviewBooking booking, Instant at) implements BookingChange {
    }
}
