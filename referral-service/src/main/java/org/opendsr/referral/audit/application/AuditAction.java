package org.opendsr.referral.audit.application;

/** What was done with a person's record: read in full, shown in a listing, created, or changed. */
public enum AuditAction {
    READ,
    LISTED,
    CREATED,
    CHANGED,
    /** Out of the worklists and listings by the retention rules; read only with a stated purpose. */
    ARCHIVED,
    /** Every piece of personal data removed; the audit trail kept for its own period. */
    ERASED
}
