package org.opendsr.meeting.shared.application;

import java.time.Instant;
import java.util.UUID;

/**
 * What a feature does when the register changes under it, in the same transaction as the event that says so (and its
 * processed-event record, so a redelivered event does nothing twice): a person left the register, or risk-service
 * closed an obligation (done, or no longer needed). Called by {@link FollowingTheRegister}; implemented by bookings
 * (open reviews cancelled) and exceptions (Meetings by Exception cancelled or declined). Outcomes need no follower:
 * the actions of a person who left are left out of the overdue sweep and worklists by their queries.
 */
public interface RegisterFollower {

    /** The person left the register at {@code at}. */
    void personLeftRegister(UUID personId, Instant at);

    /** risk-service closed the obligation: {@code status} is DONE or NOT_NEEDED. */
    void obligationClosed(UUID obligationId, UUID personId, ReviewObligation.Status status);
}
