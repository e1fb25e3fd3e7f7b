package org.opendsr.referral.audit.adapters.persistence;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.opendsr.kit.audit.AuditEntry;
import org.opendsr.kit.audit.AuditLog;
import org.opendsr.kit.audit.AuditOutcome;
import org.opendsr.kit.audit.AuditPage;
import org.opendsr.referral.audit.application.AuditTrail;
import org.opendsr.referral.shared.application.Now;

/** The audit trail in the kit's append-only store ({@code dsr_kit.audit_entry}). */
@Singleton
class PostgresAuditTrail implements AuditTrail {

    private final AuditLog log;
    private final Clock clock;

    PostgresAuditTrail(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void record(UUID personId, Instant at, String actor, String actorRoles, String action, String what,
                       String purpose) {
        log.append(AuditEntry.allowed(at, actor, actorRoles, action, personId, what, purpose));
    }

    @Override
    public void recordAll(Collection<UUID> personIds, Instant at, String actor, String actorRoles, String action,
                          String what, String purpose) {
        recordEach(personIds.stream().map(personId -> new Note(personId, action, what)).toList(), at, actor,
                actorRoles, purpose);
    }

    @Override
    public void recordEach(List<Note> notes, Instant at, String actor, String actorRoles, String purpose) {
        // One statement for all of them: a referral's entries (the person, the referral) and a listed page's entries
        // cost one round trip, not one each, and keep their order.
        log.appendAll(notes.stream().map(note -> AuditEntry.allowed(at, actor, actorRoles, note.action(),
                note.personId(), note.what(), purpose)).toList());
    }

    @Override
    public void recordChange(UUID personId, Instant at, String actor, String actorRoles, String what,
                             String purpose, Map<String, ?> before, Map<String, ?> after) {
        log.append(AuditEntry.allowed(at, actor, actorRoles, "CHANGED", personId, what, purpose)
                .withChange(before, after));
    }

    @Override
    public void recordAttempt(@Nullable UUID personId, String actor, String actorRoles, String action,
                              String what, String purpose, AuditOutcome outcome) {
        log.appendInItsOwnTransaction(AuditEntry.attempted(Now.of(clock), actor, actorRoles, action, personId, what, purpose,
                outcome));
    }

    @Override
    public boolean recordOnce(String sourceId, @Nullable UUID personId, Instant at, String actor, String actorRoles,
                              String action, String what, String purpose, AuditOutcome outcome,
                              @Nullable String correlationId) {
        return log.appendOnce(AuditEntry.attempted(at, actor, actorRoles, action, personId, what, purpose, outcome)
                .withCorrelationId(correlationId)
                .withSourceId(sourceId));
    }

    @Override
    public AuditPage ofPerson(UUID personId, @Nullable Long before, int size) {
        return log.ofPerson(personId, before, size);
    }

    @Override
    public AuditPage ofPeople(java.util.List<UUID> personIds, @Nullable Long before, int size) {
        return log.ofPeople(personIds, before, size);
    }

    @Override
    public AuditPage ofActor(String actor, @Nullable Long before, int size) {
        return log.ofActor(actor, before, size);
    }
}
