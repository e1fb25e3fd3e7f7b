package org.opendsr.kit.audit;

/** How an attempt to read or change a record ended, as the audit trail records it. */
public enum AuditOutcome {
    /** Done: the caller was allowed and it happened. */
    ALLOWED,
    /** The caller may not: refused (whatever the caller was told, e.g. a 404 that hides the record). */
    REFUSED,
    /** There was nothing to read or change under that id. */
    NOT_FOUND,
    /** Attempted and failed for another reason (a bad request, a conflict, an error); from the gateway's record. */
    FAILED
}
