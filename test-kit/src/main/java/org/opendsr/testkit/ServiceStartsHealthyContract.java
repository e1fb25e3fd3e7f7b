package org.opendsr.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every DSR service proves about itself, whatever it does: it starts against a real PostgreSQL and Kafka,
 * migrates its own database with Flyway (and the kit's tables), and reports live and ready.
 * A service's test extends this, annotated with {@code @MicronautTest(transactional = false)}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceStartsHealthyContract implements TestPropertyProvider {

    @Inject
    protected EmbeddedServer server;

    @Value("${datasources.default.url}")
    protected String databaseUrl;

    @Value("${datasources.default.username}")
    protected String databaseUser;

    @Value("${datasources.default.password}")
    protected String databasePassword;

    /**
     * The properties with a free management port ({@code endpoints.all.port}), as the Kubernetes Deployment sets one
     * (ENDPOINTS_ALL_PORT): health and metrics then answer there only.
     */
    public static Map<String, String> withManagementPort(Map<String, String> properties) {
        Map<String, String> withPort = new HashMap<>(properties);
        try (ServerSocket socket = new ServerSocket(0)) {
            withPort.put("endpoints.all.port", String.valueOf(socket.getLocalPort()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return withPort;
    }

    /** Where health and metrics answer: the management port if one is set, else the service port. */
    protected ApiClient management() {
        return server.getApplicationContext().getProperty("endpoints.all.port", Integer.class)
                .map(port -> new ApiClient("http://localhost:" + port))
                .orElseGet(() -> new ApiClient(server.getURL().toString()));
    }

    @Test
    void itIsLiveAndReady() {
        ApiClient api = management();
        assertThat(api.get("/health/liveness", null).status()).isEqualTo(200);
        assertThat(api.get("/health/readiness", null).status()).isEqualTo(200);
    }

    @Test
    void itMigratedItsOwnDatabaseAndTheKitTables() throws SQLException {
        try (Connection connection = DriverManager.getConnection(databaseUrl, databaseUser, databasePassword)) {
            assertThat(appliedMigrations(connection, "public")).isNotEmpty().allMatch(success -> success);
            assertThat(appliedMigrations(connection, "dsr_kit")).isNotEmpty().allMatch(success -> success);
        }
    }

    @Test
    void itRefusesAnUnauthenticatedCallToAnythingButHealthAndMetrics() {
        ApiClient api = new ApiClient(server.getURL().toString());
        assertThat(management().get("/prometheus", null).status()).isEqualTo(200);
        assertThat(api.get("/anything", null).status()).isIn(401, 404);
    }

    private static List<Boolean> appliedMigrations(Connection connection, String schema) throws SQLException {
        List<Boolean> outcomes = new ArrayList<>();
        try (ResultSet rows = connection.createStatement().executeQuery(
                "SELECT success FROM " + schema + ".flyway_schema_history WHERE version IS NOT NULL")) {
            while (rows.next()) {
                outcomes.add(rows.getBoolean(1));
            }
        }
        return outcomes;
    }
}
