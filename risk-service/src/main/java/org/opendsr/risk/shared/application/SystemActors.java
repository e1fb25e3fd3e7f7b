package org.opendsr.risk.shared.application;

/**
 * The other services whose events change what risk-service holds, named as the audit trail and the obligations'
 * records name who changed something (one spelling, so the audit can be searched by it).
 */
public final class SystemActors {

    /** Meetings, outcomes and bookings: ratings agreed at a meeting, reviews booked, held and cancelled. */
    public static final String MEETING_SERVICE = "meeting-service";

    private SystemActors() {
    }
}
