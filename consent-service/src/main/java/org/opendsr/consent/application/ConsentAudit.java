package org.opendsr.consent.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.kit.access.AccessPurpose;

/**
 * The audit trail of consents (a port): every read and change of a consent, and every attempt that was refused or
 * found nothing, with who, why (the purpose), when, and for a change the state before and after. Its store cannot be
 * altered by the service (append-only). The shape follows the kit's audit ({@code org.opendsr.kit.audit}), so that
 * the adapter is a straight translation.
 */
public interface ConsentAudit {

    /** Writes the entries in the caller's transaction: they commit with what they record, or not at all. */
    void append(List<Entry> entries);

    /**
     * Writes the entry in a transaction of its own, committed at once: a refused or not-found attempt survives the
     * rollback of the request it refuses.
     */
    void appendInItsOwnTransaction(Entry entry);

    /** What was done or tried with a consent. */
    enum Action {
        /** A consent, a person's consent history, or a worklist entry was read. */
        READ,
        /** A consent was recorded (not a renewal). */
        RECORDED,
        /** A consent was recorded renewing an earlier one. */
        RENEWED,
        /** A consent was withdrawn. */
        WITHDRAWN
    }

    /** How the attempt ended. */
    enum Outcome {
        /** The caller was allowed, and it happened. */
        ALLOWED,
        /** The caller has no need to know (or may only read): refused, whatever they were told. */
        REFUSED,
        /** Nothing under that id: an unknown consent or a person no referral has introduced. */
        NOT_FOUND,
        /** Allowed, but a rule refused it (e.g. a second open consent, a withdrawn consent withdrawn again). */
        FAILED
    }

    /**
     * One audit entry. {@code what} names the record (e.g. "consent 3d5e...", "consent history", "worklist
     * overdue"); the values are the consent's structured fields, never its free text.
     *
     * @param personId the person it is about, or null when the id named no known record
     */
    record Entry(Instant at, String actor, String actorRoles, Action action, @Nullable UUID personId, String what,
                 AccessPurpose purpose, Outcome outcome, @Nullable Map<String, String> before,
                 @Nullable Map<String, String> after) {

        public Entry {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(actorRoles, "actorRoles");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(what, "what");
            Objects.requireNonNull(purpose, "purpose");
            Objects.requireNonNull(outcome, "outcome");
        }

        @Override
        public String toString() {
            return "ConsentAudit.Entry[" + action + " " + outcome + " personId=" + personId + ", values redacted]";
        }
    }
}
