package org.opendsr.risk.obligations.application;

import java.util.Optional;
import java.util.UUID;

/**
 * Which of meeting-service's bookings an obligation follows, and the highest sequence seen of it (stored on the
 * obligation): how {@link FollowingReviews} tells a current review event from a stale or replayed one.
 */
public interface FollowedBookings {

    /** The booking and the highest sequence of it seen. */
    record Followed(UUID bookingId, int sequence) {

        /** An event of this booking at this sequence is about the followed booking and no newer than what was seen. */
        public boolean isOlderOrSame(UUID otherBookingId, int otherSequence) {
            return bookingId.equals(otherBookingId) && otherSequence <= sequence;
        }
    }

    /** The booking the obligation follows, if meeting-service ever booked it. */
    Optional<Followed> of(UUID obligationId);

    /** The obligation now follows this booking at this sequence (in the caller's transaction). */
    void follow(UUID obligationId, UUID bookingId, int sequence);
}
