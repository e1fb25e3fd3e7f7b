package org.opendsr.contracts.consent;

import io.micronaut.serde.annotation.Serdeable;

/** Who withdrew consent. Withdrawing never affects the person's current support. */
@Serdeable
public enum ConsentWithdrawalReason {
    PERSON_WITHDREW,
    REPRESENTATIVE_WITHDREW,
    OTHER
}
