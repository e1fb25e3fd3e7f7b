package org.opendsr.contracts.risk;

import java.util.List;

import io.micronaut.serde.annotation.Serdeable;

/**
 * What a rating obliges the system around a person to do (NHS England, Dynamic support register and Care (Education)
 * and Treatment Review policy and guide, 2023). A C(E)TR is a Care, Education and Treatment Review for someone under
 * 18 and a Care and Treatment Review (CTR) for an adult; the kinds below mean whichever applies.
 */
@Serdeable
public enum ObligationKind {
    /** RED: a community C(E)TR, or a Local Area Emergency Protocol (LAEP) meeting when too urgent for one. */
    COMMUNITY_CTR,
    /** AMBER: a multi-agency meeting and/or a community C(E)TR. */
    MULTI_AGENCY_REVIEW,
    /** GREEN: record the partners who would join a C(E)TR if one were needed. */
    CTR_PARTNERS,
    /** BLUE: the C(E)TR after an admission. */
    POST_ADMISSION_CTR,
    /** BLUE: the recurring inpatient C(E)TR (3-monthly child, 6-monthly adult, 12-monthly in a secure setting). */
    INPATIENT_CTR,
    /** BLUE: the placing commissioner's oversight visit (6-weekly child, 8-weekly adult). */
    COMMISSIONER_OVERSIGHT_VISIT,
    /** Aged 0-25 and RED, AMBER or BLUE: a referral to the keyworker service. */
    KEYWORKER_REFERRAL;

    /**
     * The reviews that meet an obligation of this kind, the usual one first; empty when it is not met by a review
     * (partners are recorded, a referral is made). RED asks for a community C(E)TR, or a LAEP when too urgent for
     * one; AMBER for a multi-agency meeting and/or a C(E)TR (NHSE DSR and C(E)TR policy 2023). Written once here so
     * that risk-service (which completes obligations) and meeting-service (which books reviews) agree.
     */
    public List<ReviewType> reviews() {
        return switch (this) {
            case COMMUNITY_CTR -> List.of(ReviewType.COMMUNITY_CTR, ReviewType.LAEP);
            case MULTI_AGENCY_REVIEW -> List.of(ReviewType.MULTI_AGENCY_MEETING, ReviewType.COMMUNITY_CTR);
            case POST_ADMISSION_CTR -> List.of(ReviewType.POST_ADMISSION_CTR);
            case INPATIENT_CTR -> List.of(ReviewType.INPATIENT_CTR);
            case COMMISSIONER_OVERSIGHT_VISIT -> List.of(ReviewType.OVERSIGHT_VISIT);
            case CTR_PARTNERS, KEYWORKER_REFERRAL -> List.of();
        };
    }

    /** Whether a review of this type meets an obligation of this kind. */
    public boolean metBy(ReviewType review) {
        return review != null && reviews().contains(review);
    }
}
