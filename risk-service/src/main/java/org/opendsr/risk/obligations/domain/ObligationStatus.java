package org.opendsr.risk.obligations.domain;

/**
 * Where an obligation stands. DUE, BOOKED and OVERDUE are open (something still has to happen); DONE and NOT_NEEDED
 * are closed, and a closed obligation never opens again: what happens next is a new obligation.
 */
public enum ObligationStatus {
    /** Opened, not yet booked, its due date not passed. */
    DUE,
    /** A date is booked for it (the review or meeting, the visit, the referral), its due date not passed. */
    BOOKED,
    /** Its due date passed without it being done, booked or not (the date booked is kept); announced once. */
    OVERDUE,
    /** Done, on a date, by the review that met it. */
    DONE,
    /** Closed without being done, with the reason (kept in risk-service, never on an event). */
    NOT_NEEDED;

    public boolean isOpen() {
        return this == DUE || this == BOOKED || this == OVERDUE;
    }
}
