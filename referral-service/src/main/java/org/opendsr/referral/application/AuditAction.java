package org.opendsr.referral.application;

/** What was done with a person's record: read in full, shown in a listing, created, or changed. */
public enum AuditAction {
    READ,
    LISTED,
    CREATED,
    CHANGED
}
