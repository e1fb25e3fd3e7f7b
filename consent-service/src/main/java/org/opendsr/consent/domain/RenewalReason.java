package org.opendsr.consent.domain;

/** Why a consent must be renewed by its due date. */
public enum RenewalReason {
    /** DSR policy: consent is renewed every year. */
    ANNUAL_RENEWAL,
    /** DSR policy: consent given for a child (or by parental responsibility) is renewed when the young person turns 18. */
    TURNED_18
}
