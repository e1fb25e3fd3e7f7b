package org.opendsr.contracts.risk;

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
    KEYWORKER_REFERRAL
}
