package org.opendsr.kit.access;

/**
 * Why a person's record is read or changed, as the caller states it in {@code X-DSR-Purpose} (DIRECT_CARE when they
 * state none) and as the audit trail records it: the same words in every service (referral-service adds purposes of
 * its own that no caller may state), so that a person's audit reads alike everywhere. Every one may be stated.
 */
public enum AccessPurpose {
    DIRECT_CARE,
    REFERRAL_MANAGEMENT,
    REGISTER_MANAGEMENT,
    DATA_QUALITY,
    SAFEGUARDING,
    SUBJECT_ACCESS_REQUEST,
    AUDIT_REVIEW;

    /** The purpose the caller stated (refused naming the header if it is not one of these), else {@code byDefault}. */
    public static AccessPurpose statedBy(Caller caller, AccessPurpose byDefault) {
        return caller.purpose(AccessPurpose.class, byDefault, purpose -> true);
    }
}
