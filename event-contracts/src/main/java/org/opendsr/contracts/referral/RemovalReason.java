package org.opendsr.contracts.referral;

import io.micronaut.serde.annotation.Serdeable;

/** Why a person left the register. A later re-referral is a new referral. */
@Serdeable
public enum RemovalReason {
    CONSENT_LAPSED,
    CONSENT_WITHDRAWN,
    STEPPED_DOWN,
    MOVED_OUT_OF_AREA,
    DIED,
    OTHER
}
