package org.opendsr.contracts.access;

/**
 * Why someone is in a person's care team, and so has a need to know about them (Caldicott principle 4). Who holds
 * each role is decided in referral-service only; every service enforces the same policy from the memberships it
 * is told about.
 */
public enum CareTeamRole {
    /** Made a referral that is still in hand: awaiting its outcome, or accepted and the person still on the register. */
    REFERRER,
    /** The professional responsible for keeping the person's details and rating current. */
    RESPONSIBLE_PROFESSIONAL,
    /** A key professional the DSR team confirmed (asking to join is a request on a worklist, not access). */
    KEY_PROFESSIONAL,
    /** An agency system recorded by the DSR team as providing the person's care (subject = the agency id). */
    PROVIDING_AGENCY,
    /** An emergency read the caller declared with a reason; time-limited, audited and reviewed by a lead. */
    BREAK_GLASS
}
