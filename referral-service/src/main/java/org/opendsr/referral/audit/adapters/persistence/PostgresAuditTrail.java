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
        if (personIds.isEmpty()) {
            return;
        }
        String correlationId = CorrelationId.current().orElse(null);
        jdbc.prepareStatement("INSERT INTO person_audit (person_id, occurred_at, actor, actor_roles, action, what,"
                + " purpose, correlation_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", insert -> {
            for (UUID personId : personIds) {
                insert.setObject(1, personId);
                insert.setTimestamp(2, Timestamp.from(at));
                insert.setString(3, actor);
                insert.setString(4, actorRoles);
                insert.setString(5, action);
                insert.setString(6, what);
                insert.setString(7, purpose);
                insert.setString(8, correlationId);
                insert.addBatch();
            }
            return insert.executeBatch();
        });
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
