package org.opendsr.contracts.risk;

import io.micronaut.serde.annotation.Serdeable;

/** The review or meeting that met an obligation, where more than one kind can (a RED person's LAEP, say). */
@Serdeable
public enum ReviewType {
    COMMUNITY_CTR, LAEP, MULTI_AGENCY_MEETING, POST_ADMISSION_CTR, INPATIENT_CTR, OVERSIGHT_VISIT
}
