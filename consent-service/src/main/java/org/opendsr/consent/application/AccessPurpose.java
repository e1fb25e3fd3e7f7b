package org.opendsr.consent.application;

/**
 * Why a consent is read or changed, as the caller states it in {@code X-DSR-Purpose} (DIRECT_CARE when they state
 * none) and as the audit trail records it. The same words as referral-service's, so that a person's audit reads
 * alike in every service.
 */
public enum AccessPurpose {
    DIRECT_CARE,
    REFERRAL_MANAGEMENT,
    REGISTER_MANAGEMENT,
    DATA_QUALITY,
    SAFEGUARDING,
    SUBJECT_ACCESS_REQUEST,
    AUDIT_REVIEW
}
