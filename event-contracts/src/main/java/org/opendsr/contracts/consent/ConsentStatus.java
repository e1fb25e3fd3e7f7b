package org.opendsr.contracts.consent;

import io.micronaut.serde.annotation.Serdeable;

/** Where a consent is in its lifecycle. ACTIVE and RENEWAL_DUE keep a person on the register; OVERDUE is the 4-week grace; LAPSED and WITHDRAWN remove them. */
@Serdeable
public enum ConsentStatus {
    ACTIVE,
    RENEWAL_DUE,
    OVERDUE,
    LAPSED,
    WITHDRAWN
}
