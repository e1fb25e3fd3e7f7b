package org.opendsr.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import org.opendsr.local.LocalDsr;

/**
 * Baseline: the write a referral makes, straight to PostgreSQL with plain JDBC and nothing in between. One
 * transaction inserts a person, a referral and an outbox row (jsonb payload), in a scratch database on the same
 * server the referral service uses. The tables come from the referral service's and the service kit's own
 * migration files, so the baseline writes the same columns, indexes and NOTIFY trigger as the real path.
 */
final class PostgresBaseline implements AutoCloseable {

    static final String DATABASE = "benchmark_baseline";
    private static final String KIT_SCHEMA = "dsr_kit";

    private final List<Connection> connections;

    private PostgresBaseline(List<Connection> connections) {
        this.connections = connections;
    }

    /** Creates the scratch database and its tables, and opens one connection per caller. */
    static PostgresBaseline prepare(LocalDsr dsr, Path repositoryRoot, int callers) throws SQLException {
        String user = dsr.postgresUsername();
        String password = dsr.postgresPassword();
        try (Connection admin = DriverManager.getConnection(dsr.jdbcUrl("postgres"), user, password);
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        try (Connection setup = DriverManager.getConnection(dsr.jdbcUrl(DATABASE), user, password);
             Statement statement = setup.createStatement()) {
            statement.execute("CREATE SCHEMA " + KIT_SCHEMA);
            statement.execute("SET search_path TO " + KIT_SCHEMA);
            for (Path migration : migrations(repositoryRoot.resolve("service-kit/src/main/resources/db/dsr-kit"))) {
                statement.execute(Files.readString(migration));
            }
            statement.execute("SET search_path TO public");
            for (Path migration : migrations(repositoryRoot.resolve("referral-service/src/main/resources/db/migration"))) {
                statement.execute(Files.readString(migration));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the migrations the baseline copies", e);
        }
        List<Connection> connections = new ArrayList<>();
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        // Replayed values are logged text: let the server type them from the statement, as it typed the literals.
        properties.setProperty("stringtype", "unspecified");
        for (int i = 0; i < callers; i++) {
            Connection connection = DriverManager.getConnection(dsr.jdbcUrl(DATABASE), properties);
            connection.setAutoCommit(false);
            connections.add(connection);
        }
        return new PostgresBaseline(connections);
    }

    /** Writes {@code transactions} referrals, each in its own transaction, on as many callers as connections. */
    ConcurrentCallers.Outcome measure(int transactions) {
        return ConcurrentCallers.run("postgres", transactions, connections.size(),
                (index, caller) -> writeReferral(connections.get(caller), index));
    }

    /**
     * Replays the statements captured from referral-service for one referral, {@code transactions} times, each time
     * as one transaction with fresh values (see {@link FreshValues}), on as many callers as connections: what
     * PostgreSQL can do with exactly the SQL a referral runs and nothing in between.
     *
     * @param firstIndex the {@link ReferralSample} index of the first replayed referral
     */
    ConcurrentCallers.Outcome replay(int transactions, List<CapturedStatement> statements, FreshValues fresh,
                                     int firstIndex) {
        List<CapturedStatement.Jdbc> jdbc = statements.stream().map(CapturedStatement::forJdbc).toList();
        List<List<String>> captured = jdbc.stream().map(CapturedStatement.Jdbc::values).toList();
        return ConcurrentCallers.run("postgres-replay", transactions, connections.size(), (index, caller) -> {
            Connection connection = connections.get(caller);
            List<List<String>> values = fresh.forReferral(captured, firstIndex + index);
            try {
                for (int s = 0; s < jdbc.size(); s++) {
                    // pgjdbc keeps each connection's statements prepared on the server after a few uses, as the
                    // service's pool does.
                    try (PreparedStatement statement = connection.prepareStatement(jdbc.get(s).sql())) {
                        List<String> parameters = values.get(s);
                        for (int p = 0; p < parameters.size(); p++) {
                            if (parameters.get(p) == null) {
                                statement.setNull(p + 1, java.sql.Types.OTHER);
                            } else {
                                statement.setString(p + 1, parameters.get(p));
                            }
                        }
                        statement.execute();
                    }
                }
                connection.commit();
                return true;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        });
    }

    /** A fresh scratch row set for each call: a new person, their referral and its ReferralReceived outbox row. */
    private static boolean writeReferral(Connection connection, int index) throws SQLException {
        UUID personId = UUID.randomUUID();
        UUID referralId = UUID.randomUUID();
        Instant now = Instant.now();
        try {
            try (PreparedStatement person = connection.prepareStatement(
                    "INSERT INTO person (id, given_name, family_name, date_of_birth, nhs_number, postcode, locality, "
                            + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                person.setObject(1, personId);
                person.setString(2, ReferralSample.givenName(index));
                person.setString(3, ReferralSample.familyName(index));
                person.setDate(4, Date.valueOf(ReferralSample.dateOfBirth(index)));
                person.setString(5, null);
                person.setString(6, ReferralSample.POSTCODE);
                person.setString(7, ReferralSample.locality(index));
                person.setTimestamp(8, Timestamp.from(now));
                person.setTimestamp(9, Timestamp.from(now));
                person.executeUpdate();
            }
            try (PreparedStatement referral = connection.prepareStatement(
                    "INSERT INTO referral (id, person_id, route, status, reason_for_referral, current_issues, "
                            + "what_has_been_tried, what_could_reduce_risk, indicative_rag, referred_by, "
                            + "referrer_organisation, received_at, first_contact_due_on) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                referral.setObject(1, referralId);
                referral.setObject(2, personId);
                referral.setString(3, ReferralSample.ROUTE);
                referral.setString(4, "RECEIVED");
                referral.setString(5, ReferralSample.REASON);
                referral.setString(6, ReferralSample.CURRENT_ISSUES);
                referral.setString(7, null);
                referral.setString(8, null);
                referral.setString(9, ReferralSample.rating(index));
                referral.setString(10, "professional");
                referral.setString(11, "Swindon Community LD Team");
                referral.setTimestamp(12, Timestamp.from(now));
                // The deadline referral-service stores with each referral (5 working days; the calendar is not the point here).
                referral.setDate(13, Date.valueOf(LocalDate.now().plusDays(7)));
                referral.executeUpdate();
            }
            try (PreparedStatement outbox = connection.prepareStatement(
                    "INSERT INTO " + KIT_SCHEMA + ".outbox_event (id, aggregatetype, aggregateid, type, topic, payload, "
                            + "correlation_id) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?)")) {
                outbox.setObject(1, UUID.randomUUID());
                outbox.setString(2, "referral");
                outbox.setString(3, personId.toString());
                outbox.setString(4, "dsr.referral.received.v1");
                outbox.setString(5, "dsr.referral.events");
                outbox.setString(6, referralReceivedData(referralId, personId, index, now));
                outbox.setString(7, UUID.randomUUID().toString());
                outbox.executeUpdate();
            }
            connection.commit();
            return true;
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    /** The data of a ReferralReceived event, as the referral service writes it to the outbox. */
    private static String referralReceivedData(UUID referralId, UUID personId, int index, Instant receivedAt) {
        return "{\"referralId\":\"" + referralId + "\",\"personId\":\"" + personId + "\",\"route\":\""
                + ReferralSample.ROUTE + "\",\"locality\":\"" + ReferralSample.locality(index) + "\",\"ageBand\":\""
                + ReferralSample.AGE_BAND + "\",\"lifeStage\":\"" + ReferralSample.LIFE_STAGE + "\",\"indicativeRag\":\""
                + ReferralSample.rating(index) + "\",\"receivedAt\":\"" + receivedAt + "\"}";
    }

    /** Flyway's V<version>__<name>.sql files of a folder, in version order. */
    private static List<Path> migrations(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> found = files.filter(file -> file.getFileName().toString().matches("V[0-9._]+__.*\\.sql"))
                    .sorted(Comparator.comparing(PostgresBaseline::version, PostgresBaseline::compareVersions))
                    .toList();
            if (found.isEmpty()) {
                throw new IllegalStateException("No migrations in " + folder);
            }
            return found;
        }
    }

    private static String version(Path file) {
        String name = file.getFileName().toString();
        return name.substring(1, name.indexOf("__"));
    }

    private static int compareVersions(String a, String b) {
        String[] left = a.split("[._]");
        String[] right = b.split("[._]");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            long l = i < left.length ? Long.parseLong(left[i]) : 0;
            long r = i < right.length ? Long.parseLong(right[i]) : 0;
            if (l != r) {
                return Long.compare(l, r);
            }
        }
        return 0;
    }

    @Override
    public void close() {
        for (Connection connection : connections) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the server stops next anyway
            }
        }
    }
}
