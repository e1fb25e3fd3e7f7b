package org.opendsr.meeting.bookings.domain;

/** Where a booked review stands: booked (it may still move), held (it met its obligation) or cancelled. */
public enum BookingStatus {
    BOOKED, HELD, CANCELLED
}
