package org.opendsr.referral.notifications.domain;

/** How a message reaches someone: GOV.UK Notify's three channels. */
public enum Channel {
    EMAIL,
    SMS,
    LETTER
}
