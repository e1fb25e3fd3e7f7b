package org.opendsr.contracts.risk;

import io.micronaut.serde.annotation.Serdeable;

/** How an obligation closed: done, or not needed (the reason stays in risk-service). */
@Serdeable
public enum ObligationOutcome {
    DONE, NOT_NEEDED
}
