package org.opendsr.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.opendsr.kit.schema.KitSchemaMigration;
import org.opendsr.testkit.DatabaseCoordinates;
import org.opendsr.testkit.RealPostgres;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * V6 moves the audit trail written before issue 11 (person_audit, which the service's own role could alter) into
 * the kit's append-only store, in its order, and drops the old table.
 */
class AuditTrailMigrationTest {

    @Test
    void theOldTrailIsCopiedInOrderAndTheOldTableIsGone() throws SQLException {
        DatabaseCoordinates database = RealPostgres.get().newDatabase("referral_v6");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(database.jdbcUrl());
        dataSource.setUser(database.username());
        dataSource.setPassword(database.password());
        KitSchemaMigration.migrate(dataSource);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .target(MigrationVersion.fromVersion("4")).load().migrate();
        execute(dataSource, "INSERT INTO person_audit (person_id, occurred_at, actor, actor_roles, action, what,"
                + " purpose, correlation_id) VALUES"
                + " ('3f1c1f0e-8d9a-4c9b-9d6e-1a2b3c4d5e6f', '2025-01-02T10:00:00Z', 'referrer', 'PROFESSIONAL',"
                + " 'CREATED', 'person', 'REFERRAL_MANAGEMENT', 'c-1'),"
                + " ('3f1c1f0e-8d9a-4c9b-9d6e-1a2b3c4d5e6f', '2025-01-03T10:00:00Z', 'dsr-team', 'DSR_TEAM',"
                + " 'READ', 'record', 'DIRECT_CARE', null)");

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

        List<String> copied = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT actor, action, what, purpose, outcome, occurred_at,"
                     + " correlation_id FROM dsr_kit.audit_entry ORDER BY seq")) {
            while (rows.next()) {
                copied.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3) + " "
                        + rows.getString(4) + " " + rows.getString(5) + " " + rows.getTimestamp(6).toInstant() + " "
                        + rows.getString(7));
            }
            try (ResultSet table = statement.executeQuery("SELECT to_regclass('public.person_audit')")) {
                table.next();
                assertThat(table.getString(1)).as("the alterable table is gone").isNull();
            }
        }
        assertThat(copied).containsExactly(
                "referrer CREATED person REFERRAL_MANAGEMENT ALLOWED 2025-01-02T10:00:00Z c-1",
                "dsr-team READ record DIRECT_CARE ALLOWED 2025-01-03T10:00:00Z null");
    }

    private static void execute(PGSimpleDataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
