package org.opendsr.referral.retention.domain;

/** What the retention rule says to do with one person's record today. */
public enum RetentionStep {
    /** Keep it as it is. */
    KEEP,
    /** Out of the worklists and default listings; read only with a stated purpose. */
    ARCHIVE,
    /** They came back (a new referral, or on the register again): no longer archived. */
    BRING_BACK,
    /** Remove every piece of personal data; keep only a tombstone. */
    ERASE
}
