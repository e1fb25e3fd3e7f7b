package org.opendsr.referral.person.domain;

/**
 * Whose contact details these are (DSR data set): the person themself, a parent or carer (who may hold parental
 * responsibility for a child), or a paid carer.
 */
public enum ContactRelationship {
    PERSON,
    PARENT_OR_CARER,
    PAID_CARER;

    /** Only a parent or carer can hold parental responsibility. */
    public boolean mayHoldParentalResponsibility() {
        return this == PARENT_OR_CARER;
    }
}
