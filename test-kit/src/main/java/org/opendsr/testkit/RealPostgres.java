package org.opendsr.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.opendsr.embedded.EmbeddedPostgresServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The real PostgreSQL server of this test JVM, started once, in this order of preference:
 * <ol>
 *   <li>the server named by {@code DSR_TEST_POSTGRES_URL} (a JDBC URL of a database the user can create
 *       databases from), {@code DSR_TEST_POSTGRES_USER} and {@code DSR_TEST_POSTGRES_PASSWORD};</li>
 *   <li>a Testcontainers PostgreSQL when Docker is available;</li>
 *   <li>an embedded real PostgreSQL (zonky binaries), stopped when the JVM ends, even on kill -9.</li>
 * </ol>
 * Each test context gets a database of its own from {@link #newDatabase(String)}, so tests never see each
 * other's rows.
 */
public final class RealPostgres {

    private static final Logger LOG = LoggerFactory.getLogger(RealPostgres.class);
    private final String adminUrl;
    private final String username;
    private final String password;
    private final String origin;
    private final List<String> createdDatabases = new CopyOnWriteArrayList<>();

    private RealPostgres(String adminUrl, String username, String password, String origin) {
        this.adminUrl = adminUrl;
        this.username = username;
        this.password = password;
        this.origin = origin;
    }

    /** Started on first use, once per JVM (the holder class is initialised exactly once, thread-safely). */
    public static RealPostgres get() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        private static final RealPostgres INSTANCE = start();
    }

    /** Where the server came from: environment, testcontainers or embedded. */
    public String origin() {
        return origin;
    }

    /** A new, empty database named after the prefix, e.g. {@code referral_3f2a...}. */
    public DatabaseCoordinates newDatabase(String prefix) {
        String name = (prefix.replaceAll("[^a-zA-Z0-9]", "_") + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12)).toLowerCase(Locale.ROOT);
        execute("CREATE DATABASE " + name);
        createdDatabases.add(name);
        return new DatabaseCoordinates(urlOf(name), username, password);
    }

    /**
     * Stands for a database outage: refuses new connections to the database and ends the open ones (or lets
     * them in again). The server itself stays up for the other tests of this JVM.
     */
    public void setConnectionsAllowed(String database, boolean allowed) {
        execute("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS " + allowed);
        if (!allowed) {
            execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
        }
    }

    /** The database name at the end of a JDBC URL. */
    public static String databaseOf(String jdbcUrl) {
        String withoutQuery = jdbcUrl.contains("?") ? jdbcUrl.substring(0, jdbcUrl.indexOf('?')) : jdbcUrl;
        return withoutQuery.substring(withoutQuery.lastIndexOf('/') + 1);
    }

    private String urlOf(String database) {
        int query = adminUrl.indexOf('?');
        String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
        String parameters = query < 0 ? "" : adminUrl.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + parameters;
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(adminUrl, username, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused: " + sql, e);
        }
    }

    private static RealPostgres start() {
        String url = System.getenv("DSR_TEST_POSTGRES_URL");
        if (url != null && !url.isBlank()) {
            RealPostgres fromEnvironment = new RealPostgres(url,
                    envOr("DSR_TEST_POSTGRES_USER", "postgres"), envOr("DSR_TEST_POSTGRES_PASSWORD", ""),
                    "environment");
            // A shared server: drop what this JVM created when it ends normally.
            Runtime.getRuntime().addShutdownHook(new Thread(fromEnvironment::dropCreatedDatabases, "drop-test-databases"));
            LOG.info("Tests use the PostgreSQL named by DSR_TEST_POSTGRES_URL");
            return fromEnvironment;
        }
        if (DockerAvailability.isDockerAvailable()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:17-alpine");
            container.start();
            LOG.info("Tests use a Testcontainers PostgreSQL");
            return new RealPostgres(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    "testcontainers");
        }
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(EmbeddedPostgresServer.Settings.forTests(
                TestWorkDirectory.of("postgres"), TestWorkDirectory.postgresBinaries()));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-embedded-postgres"));
        LOG.info("Tests use an embedded PostgreSQL on port {}", server.port());
        return new RealPostgres(server.jdbcUrl("postgres"), server.username(), server.password(), "embedded");
    }

    private void dropCreatedDatabases() {
        for (String name : createdDatabases) {
            try {
                execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (RuntimeException e) {
                LOG.warn("Could not drop test database {}", name);
            }
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    /** Kept apart so that the Docker check is made once and only when neither environment variable decides. */
    static final class DockerAvailability {
        private DockerAvailability() {
        }

        static boolean isDockerAvailable() {
            if ("false".equalsIgnoreCase(System.getenv("DSR_TEST_USE_DOCKER"))) {
                return false;
            }
            try {
                return DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                return false;
            }
        }
    }
}
