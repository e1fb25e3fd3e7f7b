package org.opendsr.referral.rights.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.opendsr.kit.rules.RuleBroken;

/**
 * Whether processing of a person's data is restricted (UK GDPR Article 18: while its accuracy is contested, while an
 * objection is considered, or when the person wants it kept rather than erased). While restricted the DSR keeps the
 * record and does what the law and the person's safety still need (the register entry stays, the DSR team can read
 * and correct the record, the audit trail goes on), but sends nothing about the person and does no non-essential
 * processing.
 */
public record ProcessingRestriction(UUID personId, boolean restricted, String reason, Instant changedAt,
                                    String changedBy) {

    public static final int MAX_REASON = 2000;

    /** No row: never restricted. */
    public static ProcessingRestriction none(UUID personId) {
        return new ProcessingRestriction(personId, false, null, null, null);
    }

    public ProcessingRestriction {
        Objects.requireNonNull(personId, "personId");
    }

    /** A restriction needs its reason (which of Article 18's grounds); lifting it may say why. */
    public static ProcessingRestriction changed(UUID personId, boolean restricted, String reason, String by,
                                                Instant at) {
        String why = reason == null || reason.isBlank() ? null : reason.trim();
        if (restricted && why == null) {
            throw RuleBroken.invalid("reason", "is needed to restrict processing: e.g. accuracy contested,"
                    + " objection being considered, kept instead of erased");
        }
        if (why != null && why.length() > MAX_REASON) {
            throw RuleBroken.invalid("reason", "must be at most " + MAX_REASON + " characters");
        }
        return new ProcessingRestriction(personId, restricted, why, at, by);
    }

    @Override
    public String toString() {
        return "ProcessingRestriction[personId=" + personId + ", restricted=" + restricted + ", reason redacted]";
    }
}
