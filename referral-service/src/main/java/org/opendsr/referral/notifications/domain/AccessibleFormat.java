package org.opendsr.referral.notifications.domain;

/**
 * The form a person needs their messages in. A template variant is chosen by it: the same message, written in easy
 * read, set in large print, or translated. referral-service does not record this yet (see the README, "Notifications"),
 * so today everyone is {@link #STANDARD}; the rule is here so that recording it is all that is missing.
 */
public enum AccessibleFormat {
    STANDARD,
    EASY_READ,
    LARGE_PRINT,
    OTHER_LANGUAGE
}
