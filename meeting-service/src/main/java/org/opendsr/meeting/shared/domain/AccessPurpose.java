package org.opendsr.meeting.shared.domain;

/**
 * Why a meeting, agenda, outcome or booking is read or changed, as the caller states it in {@code X-DSR-Purpose}
 * (DIRECT_CARE when they state none) and as the audit trail records it: the same words as referral- and
 * consent-service's, so that a person's audit reads alike in every service.
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
