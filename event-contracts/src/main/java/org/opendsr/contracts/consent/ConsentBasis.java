package org.opendsr.contracts.consent;

import io.micronaut.serde.annotation.Serdeable;

/** The lawful basis on which consent to be on the DSR was given (Mental Capacity Act 2005 for best interests; parental responsibility only for a child). */
@Serdeable
public enum ConsentBasis {
    INFORMED_CONSENT,
    BEST_INTERESTS_DECISION,
    PARENTAL_RESPONSIBILITY,
    WELFARE_DEPUTY_OR_ATTORNEY
}
