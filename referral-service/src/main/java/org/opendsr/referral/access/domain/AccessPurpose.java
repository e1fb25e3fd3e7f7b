package org.opendsr.referral.access.domain;

/**
 * Why someone reads or changes a person's record (Caldicott principle 1: justify the purpose). Every audit entry
 * carries one. Callers state theirs in the {@code X-DSR-Purpose} header; each endpoint has a default. The last six
 * are recorded by referral-service itself for work no person asked for.
 */
public enum AccessPurpose {
    DIRECT_CARE(true),
    REFERRAL_MANAGEMENT(true),
    REGISTER_MANAGEMENT(true),
    DATA_QUALITY(true),
    SAFEGUARDING(true),
    SUBJECT_ACCESS_REQUEST(true),
    AUDIT_REVIEW(true),
    AGENCY_UPDATE(false),
    CONSENT_CHANGE(false),
    AGE_MILESTONE(false),
    /** The notifier resolving whom to tell and how (contact details, at send time). */
    NOTIFICATION(false),
    /** The retention rules archiving, bringing back or erasing a record (issue 16). */
    RETENTION(false),
    /** A lead erasing a record on an erasure request (UK GDPR Art. 17). */
    ERASURE_REQUEST(false);

    private final boolean statedByCallers;

    AccessPurpose(boolean statedByCallers) {
        this.statedByCallers = statedByCallers;
    }

    public boolean isStatedByCallers() {
        return statedByCallers;
    }
}
