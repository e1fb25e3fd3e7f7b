package org.opendsr.referral.rights.domain;

/**
 * The DSR's decision on an objection: UPHELD when the processing stops (no compelling legitimate grounds override the
 * person's interests), NOT_UPHELD when it goes on, with the reason kept in the audit trail and told to the person.
 */
public enum ObjectionDecision {
    UPHELD,
    NOT_UPHELD
}
