package org.opendsr.referral.rights.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A detail two merged records disagreed on, for the DSR team to settle: keep the survivor's value, or take the
 * merged-away record's. Its values are personal data, never printed.
 */
public record MergeConflict(UUID id, UUID survivor, UUID mergedPerson, MergeField field, String survivorValue,
                            String mergedValue, Instant raisedAt, Instant settledAt, String settledBy,
                            Settlement settlement) {

    /** How the DSR team settled it. */
    public enum Settlement {
        KEEP_SURVIVOR,
        TAKE_MERGED
    }

    public boolean isOpen() {
        return settledAt == null;
    }

    @Override
    public String toString() {
        return "MergeConflict[id=" + id + ", " + field + ", values redacted]";
    }
}
