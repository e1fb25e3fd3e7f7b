package org.opendsr.contracts.referral;

import io.micronaut.serde.annotation.Serdeable;

/** Why a keyworker referral is suggested: the 0-25 keyworker service takes referrals only through the DSR. */
@Serdeable
public enum KeyworkerSuggestionReason {
    UNDER_25_AT_REFERRAL,
    RATED_RED_AMBER_OR_BLUE
}
