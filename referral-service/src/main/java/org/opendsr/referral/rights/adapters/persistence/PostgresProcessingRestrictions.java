package org.opendsr.referral.rights.adapters.persistence;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.UUID;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.opendsr.referral.rights.application.ProcessingRestrictions;
import org.opendsr.referral.rights.domain.ProcessingRestriction;

/** {@link ProcessingRestrictions} in PostgreSQL: one row per person ever restricted. */
@Singleton
class PostgresProcessingRestrictions implements ProcessingRestrictions {

    private final JdbcOperations jdbc;

    PostgresProcessingRestrictions(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ProcessingRestriction of(UUID personId) {
        return jdbc.prepareStatement("SELECT restricted, reason, changed_at, changed_by FROM processing_restriction"
                + " WHERE person_id = ?", select -> {
            select.setObject(1, personId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? new ProcessingRestriction(personId, rows.getBoolean(1), rows.getString(2),
                        rows.getTimestamp(3).toInstant(), rows.getString(4)) : ProcessingRestriction.none(personId);
            }
        });
    }

    @Override
    public void save(ProcessingRestriction restriction) {
        jdbc.prepareStatement("INSERT INTO processing_restriction (person_id, restricted, reason, changed_at,"
                + " changed_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT (person_id) DO UPDATE SET"
                + " restricted = EXCLUDED.restricted, reason = EXCLUDED.reason, changed_at = EXCLUDED.changed_at,"
                + " changed_by = EXCLUDED.changed_by", upsert -> {
            upsert.setObject(1, restriction.personId());
            upsert.setBoolean(2, restriction.restricted());
            upsert.setString(3, restriction.reason());
            upsert.setTimestamp(4, Timestamp.from(restriction.changedAt()));
            upsert.setString(5, restriction.changedBy());
            return upsert.executeUpdate();
        });
    }
}
