package org.opendsr.referral.retention.adapters.persistence;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.opendsr.referral.retention.application.RetentionRuns;

/** {@link RetentionRuns} in PostgreSQL ({@code retention_run}). */
@Singleton
class PostgresRetentionRuns implements RetentionRuns {

    private final JdbcOperations jdbc;

    PostgresRetentionRuns(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(Run run) {
        jdbc.prepareStatement("INSERT INTO retention_run (id, ran_at, triggered_by, archived, brought_back, erased,"
                + " audit_entries_purged) VALUES (?, ?, ?, ?, ?, ?, ?)", insert -> {
            insert.setObject(1, run.runId());
            insert.setTimestamp(2, Timestamp.from(run.ranAt()));
            insert.setString(3, run.triggeredBy());
            insert.setInt(4, run.archived());
            insert.setInt(5, run.broughtBack());
            insert.setInt(6, run.erased());
            insert.setLong(7, run.auditEntriesPurged());
            return insert.executeUpdate();
        });
    }

    @Override
    public List<Run> newest(int limit) {
        return jdbc.prepareStatement("SELECT id, ran_at, triggered_by, archived, brought_back, erased,"
                + " audit_entries_purged FROM retention_run ORDER BY ran_at DESC, id DESC LIMIT ?", select -> {
            select.setInt(1, limit);
            List<Run> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new Run(rows.getObject(1, UUID.class), rows.getTimestamp(2).toInstant(),
                            rows.getString(3), true, rows.getInt(4), rows.getInt(5), rows.getInt(6), rows.getLong(7)));
                }
            }
            return found;
        });
    }
}
