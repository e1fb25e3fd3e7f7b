package org.opendsr.contracts.common;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Admission-risk rating of the DSR (NHSE DSR and C(E)TR policy 2023). BLUE is "currently an inpatient",
 * kept as a separate section of the register.
 */
@Serdeable
public enum RagRating {
    RED, AMBER, GREEN, BLUE
}
