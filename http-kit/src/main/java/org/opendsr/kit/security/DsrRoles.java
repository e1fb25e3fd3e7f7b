package org.opendsr.kit.security;

/**
 * The roles of the DSR (see DESIGN.md, security). Tokens carry them in the {@code roles} claim; the identity
 * provider maps its own groups to these names.
 */
public final class DsrRoles {

    /** A referrer or professional: sees the people they referred or are linked to. */
    public static final String PROFESSIONAL = "PROFESSIONAL";
    /** The DSR team: everyone in its area; manages referrals, the register and worklists. */
    public static final String DSR_TEAM = "DSR_TEAM";
    /** A DSR lead: as the team, and chairs Meetings by Exception, runs lifecycle jobs on demand. */
    public static final String DSR_LEAD = "DSR_LEAD";
    /** An agency system: submits referrals and updates; reads nothing back. */
    public static final String AGENCY_SYSTEM = "AGENCY_SYSTEM";
    /** An analyst or commissioner: anonymised, disclosure-controlled reporting only. */
    public static final String ANALYST = "ANALYST";
    /** Operates the platform. */
    public static final String ADMIN = "ADMIN";

    private DsrRoles() {
    }
}
