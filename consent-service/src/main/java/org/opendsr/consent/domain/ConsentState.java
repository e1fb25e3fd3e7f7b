package org.opendsr.consent.domain;

/**
 * Where a consent is in its lifecycle. The first three are open: the consent still counts, ACTIVE and RENEWAL_DUE
 * as active consent, OVERDUE as the 4-week grace before removal. The last four close it for good; a closed
 * consent is kept as history and never reopened.
 */
public enum ConsentState {
    ACTIVE,
    /** Within the renewal window before the due date. Still active consent. */
    RENEWAL_DUE,
    /** The due date has come: the grace period runs. Not active consent; the person stays on the register until it ends. */
    OVERDUE,
    /** Not renewed within the grace period: the person is removed from the register. */
    LAPSED,
    /** Withdrawn by the person or their representative: the person is removed from the register. */
    WITHDRAWN,
    /** Replaced by a newer consent (a renewal). The person's consent carries on in the renewal. */
    RENEWED,
    /**
     * The person's records were merged (two records found to be the same person) and the survivor's open consent was
     * given later: this one closed, and the person's consent carries on in that one (one open consent per person).
     */
    SUPERSEDED_BY_MERGE;

    public boolean isOpen() {
        return this == ACTIVE || this == RENEWAL_DUE || this == OVERDUE;
    }

    /** Active consent in the sense of the DSR acceptance gate: it may put or keep a person on the register. */
    public boolean isActiveConsent() {
        return this == ACTIVE || this == RENEWAL_DUE;
    }

    boolean isLaterThan(ConsentState other) {
        return ordinal() > other.ordinal();
    }
}
