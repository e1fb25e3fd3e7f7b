package org.opendsr.kit.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;

/**
 * One entry to write on the audit trail: who ({@code actor}, the token's subject or a system's name, and their
 * roles), did or tried what ({@code action} and {@code what}, e.g. READ "record"), about whom ({@code personId}, or
 * null), why ({@code purpose}: {@code X-DSR-Purpose} or the endpoint's default), with what {@code outcome}, and for a
 * change the values before and after. Those values may be personal data: they stay in the service's own database
 * (the audit store is not published anywhere) and never reach a log line ({@link #toString()} leaves them out).
 *
 * <pre>{@code
 * auditLog.append(AuditEntry.allowed(now, caller.userId(), roles, "CHANGED", personId, "address", "DIRECT_CARE")
 *         .withChange(Map.of("postcode", "SN1 2JH"), Map.of("postcode", "SN2 1AA")));
 * auditLog.appendInItsOwnTransaction(AuditEntry.allowed(...).withOutcome(AuditOutcome.REFUSED));
 * }</pre>
 *
 * @param sourceId the id of the record this entry copies (e.g. a gateway access record), so it is written once
 */
public record AuditEntry(Instant occurredAt, String actor, String actorRoles, String action,
                         @Nullable UUID personId, String what, String purpose, AuditOutcome outcome,
                         @Nullable Map<String, ?> oldValues, @Nullable Map<String, ?> newValues,
                         @Nullable String correlationId, @Nullable String sourceId) {

    public AuditEntry {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(actorRoles, "actorRoles");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** Something done; the correlation id is the current request's or event's when written. */
    public static AuditEntry allowed(Instant at, String actor, String actorRoles, String action,
                                     @Nullable UUID personId, String what, String purpose) {
        return new AuditEntry(at, actor, actorRoles, action, personId, what, purpose, AuditOutcome.ALLOWED,
                null, null, null, null);
    }

    /** Something tried and not done. Write it with {@link AuditLog#appendInItsOwnTransaction}. */
    public static AuditEntry attempted(Instant at, String actor, String actorRoles, String action,
                                       @Nullable UUID personId, String what, String purpose, AuditOutcome outcome) {
        return new AuditEntry(at, actor, actorRoles, action, personId, what, purpose, outcome, null, null, null,
                null);
    }

    /** The values a change replaced and the values it wrote (only the parts it changed, or the whole part). */
    public AuditEntry withChange(@Nullable Map<String, ?> before, @Nullable Map<String, ?> after) {
        return new AuditEntry(occurredAt, actor, actorRoles, action, personId, what, purpose, outcome, before, after,
                correlationId, sourceId);
    }

    public AuditEntry withOutcome(AuditOutcome newOutcome) {
        return new AuditEntry(occurredAt, actor, actorRoles, action, personId, what, purpose, newOutcome, oldValues,
                newValues, correlationId, sourceId);
    }

    public AuditEntry withCorrelationId(@Nullable String id) {
        return new AuditEntry(occurredAt, actor, actorRoles, action, personId, what, purpose, outcome, oldValues,
                newValues, id, sourceId);
    }

    public AuditEntry withSourceId(@Nullable String id) {
        return new AuditEntry(occurredAt, actor, actorRoles, action, personId, what, purpose, outcome, oldValues,
                newValues, correlationId, id);
    }

    @Override
    public String toString() {
        return "AuditEntry[" + action + " " + outcome + " personId=" + personId + ", values redacted]";
    }
}
