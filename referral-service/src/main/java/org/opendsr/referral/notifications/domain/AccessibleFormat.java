package org.opendsr.referral.notifications.domain;

/**
 * The form a person needs their messages in. A template variant is chosen by it: the same message, written in easy
 * read, set in large print, or translated. Recorded on the person's record (communication preferences); nothing
 * recorded is {@link #STANDARD}.
 */
public enum AccessibleFormat {
    STANDARD,
    EASY_READ,
    LARGE_PRINT,
    OTHER_LANGUAGE
}
