package org.opendsr.referral.audit.adapters.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.opendsr.kit.observability.CorrelationId;
import org.opendsr.referral.audit.application.AuditTrail;
import org.opendsr.referral.shared.adapters.persistence.MultiRowInsert;
import org.opendsr.referral.shared.application.Page;

/** The audit trail in PostgreSQL ({@code person_audit}), written in the caller's transaction. */
@Singleton
class PostgresAuditTrail implements AuditTrail {

    private final JdbcOperations jdbc;

    PostgresAuditTrail(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(UUID personId, Instant at, String actor, String actorRoles, String action, String what,
                       String purpose) {
        recordAll(List.of(personId), at, actor, actorRoles, action, what, purpose);
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
        // cost one round trip, not one each. Ids are given in the order of the values, so the order is kept.
        String correlationId = CorrelationId.current().orElse(null);
        Timestamp occurredAt = Timestamp.from(at);
        MultiRowInsert.insert(jdbc, "person_audit (person_id, occurred_at, actor, actor_roles, action, what, purpose,"
                + " correlation_id)", 8, "", notes, note -> new Object[] {note.personId(), occurredAt, actor,
                actorRoles, note.action(), note.what(), purpose, correlationId});
    }

    @Override
    public Page<Entry> of(UUID personId, int page, int size) {
        long total = jdbc.prepareStatement("SELECT count(*) FROM person_audit WHERE person_id = ?", count -> {
            count.setObject(1, personId);
            try (var rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
        List<Entry> entries = jdbc.prepareStatement("SELECT id, person_id, occurred_at, actor, actor_roles, action,"
                + " what, purpose, correlation_id FROM person_audit WHERE person_id = ?"
                + " ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?", select -> {
            select.setObject(1, personId);
            select.setInt(2, size);
            select.setInt(3, page * size);
            List<Entry> found = new ArrayList<>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new Entry(rows.getLong(1), rows.getObject(2, UUID.class),
                            rows.getTimestamp(3).toInstant(), rows.getString(4), rows.getString(5), rows.getString(6),
                            rows.getString(7), rows.getString(8), rows.getString(9)));
                }
            }
            return found;
        });
        return new Page<>(entries, page, size, total);
    }
}
