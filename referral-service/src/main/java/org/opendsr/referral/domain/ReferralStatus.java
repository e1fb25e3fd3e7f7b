package org.opendsr.referral.domain;

/** Where a referral is in its lifecycle (DSR referral process: received, contacted, then an outcome). */
public enum ReferralStatus {
    RECEIVED
}
