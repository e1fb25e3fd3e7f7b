package org.opendsr.referral.audit.application;

/** What was done with a person's record: read in full, shown in a listing, created, or changed. */
public enum AuditAction {
    READ,
    LISTED,
    CREATED,
    CHANGED
}
