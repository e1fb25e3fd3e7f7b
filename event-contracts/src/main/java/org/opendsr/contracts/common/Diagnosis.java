package org.opendsr.contracts.common;

import io.micronaut.serde.annotation.Serdeable;

/** Why someone is eligible for the DSR: a learning disability and/or autism, diagnosed or on an assessment pathway. */
@Serdeable
public enum Diagnosis {
    LEARNING_DISABILITY,
    AUTISM,
    LEARNING_DISABILITY_AND_AUTISM,
    ASSESSMENT_PATHWAY
}
