package org.opendsr.risk.rating.domain;

/**
 * In what capacity a rating was decided. A rating decided by the DSR team, a lead or a meeting is confirmed; a care
 * team professional's stays indicative until the DSR team or a meeting confirms or changes it (DOMAIN.md: the
 * referrer's rating is indicative until then).
 */
public enum Decider {
    LEAD, DSR_TEAM, CARE_TEAM, SYSTEM;

    public boolean confirms() {
        return this == LEAD || this == DSR_TEAM;
    }
}
