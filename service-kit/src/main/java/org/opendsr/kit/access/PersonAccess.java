package org.opendsr.kit.access;

/** Why a caller may, or may not, see and change a person's records ({@link NeedToKnow} decides which). */
public enum PersonAccess {
    /** A DSR lead: every person in every area. */
    LEAD(true, true),
    /** A DSR team member working in the person's area (or the person belongs to no area yet). */
    AREA_TEAM(true, true),
    /** A current member of the person's care team: referrer in hand, responsible or confirmed key professional. */
    CARE_TEAM(true, true),
    /** An emergency read declared with a reason, time-limited and reviewed by a lead: read only. */
    BREAK_GLASS(true, false),
    /** No need to know: told the person does not exist. */
    NONE(false, false);

    private final boolean mayRead;
    private final boolean mayChange;

    PersonAccess(boolean mayRead, boolean mayChange) {
        this.mayRead = mayRead;
        this.mayChange = mayChange;
    }

    public boolean mayRead() {
        return mayRead;
    }

    public boolean mayChange() {
        return mayChange;
    }
}
