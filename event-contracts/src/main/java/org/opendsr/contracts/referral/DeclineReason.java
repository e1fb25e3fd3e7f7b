package org.opendsr.contracts.referral;

import io.micronaut.serde.annotation.Serdeable;

/** Why a referral was declined. Every referral gets an outcome, also when declined (DSR policy). */
@Serdeable
public enum DeclineReason {
    NO_LEARNING_DISABILITY_OR_AUTISM,
    NOT_AT_RISK_OF_ADMISSION,
    LIVES_OUT_OF_AREA,
    NO_CONSENT,
    OTHER
}
