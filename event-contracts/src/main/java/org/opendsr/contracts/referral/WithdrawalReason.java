package org.opendsr.contracts.referral;

import io.micronaut.serde.annotation.Serdeable;

/** Why a referral was withdrawn before an outcome. */
@Serdeable
public enum WithdrawalReason {
    REFERRER_WITHDREW,
    PERSON_OR_FAMILY_WITHDREW,
    NO_LONGER_NEEDED,
    OTHER
}
