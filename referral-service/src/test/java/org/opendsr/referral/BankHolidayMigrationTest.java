package org.opendsr.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.opendsr.kit.schema.KitSchemaMigration;
import org.opendsr.testkit.DatabaseCoordinates;
import org.opendsr.testkit.RealPostgres;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * V11 moves referral-service's stored copy of GOV.UK's bank holidays into the kit's table (the working-day calendar is
 * the kit's now, one for every service) and drops the old table; a copy the kit already holds stays.
 */
class BankHolidayMigrationTest {

    private static final String OLD = "{\"england-and-wales\": {\"division\": \"england-and-wales\", \"events\": []}}";

    @Test
    void theStoredCopyMovesToTheKitAndTheOldTableIsGone() throws SQLException {
        PGSimpleDataSource dataSource = migratedToV10("referral_v11_copy");
        execute(dataSource, "INSERT INTO public.bank_holiday_publication (division, payload, fetched_at)"
                + " VALUES ('england-and-wales', '" + OLD + "', '2026-11-01T06:00:00Z')");

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

        assertThat(kitCopy(dataSource)).isEqualTo("england-and-wales 2026-11-01T06:00:00Z");
        assertThat(query(dataSource, "SELECT to_regclass('public.bank_holiday_publication')")).isNull();
    }

    @Test
    void aCopyTheKitAlreadyHoldsIsNewerAndStays() throws SQLException {
        PGSimpleDataSource dataSource = migratedToV10("referral_v11_keep");
        execute(dataSource, "INSERT INTO public.bank_holiday_publication (division, payload, fetched_at)"
                + " VALUES ('england-and-wales', '" + OLD + "', '2026-11-01T06:00:00Z')");
        execute(dataSource, "INSERT INTO dsr_kit.bank_holiday_publication (division, payload, fetched_at)"
                + " VALUES ('england-and-wales', '" + OLD + "', '2026-12-01T06:00:00Z')");

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

        assertThat(kitCopy(dataSource)).isEqualTo("england-and-wales 2026-12-01T06:00:00Z");
    }

    private static PGSimpleDataSource migratedToV10(String name) {
        DatabaseCoordinates database = RealPostgres.get().newDatabase(name);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(database.jdbcUrl());
        dataSource.setUser(database.username());
        dataSource.setPassword(database.password());
        KitSchemaMigration.migrate(dataSource);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .target(MigrationVersion.fromVersion("10")).load().migrate();
        return dataSource;
    }

    private static String kitCopy(PGSimpleDataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT division, fetched_at FROM dsr_kit.bank_holiday_publication")) {
            assertThat(rows.next()).isTrue();
            String copy = rows.getString(1) + " " + rows.getTimestamp(2).toInstant();
            assertThat(rows.next()).as("one row per division").isFalse();
            return copy;
        }
    }

    private static String query(PGSimpleDataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void execute(PGSimpleDataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
