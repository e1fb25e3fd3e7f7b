package org.opendsr.referral.lifecycle.domain;

/**
 * Where a referral is in its lifecycle (DSR referral process): received, first contact made, then an outcome:
 * accepted onto the register, declined with a reason, or withdrawn before an outcome.
 */
public enum ReferralStatus {
    RECEIVED,
    CONTACTED,
    ACCEPTED,
    DECLINED,
    WITHDRAWN;

    /** An open referral is still waiting for its outcome. */
    public boolean isOpen() {
        return this == RECEIVED || this == CONTACTED;
    }
}
