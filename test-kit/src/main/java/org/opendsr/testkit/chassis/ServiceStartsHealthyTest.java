package org.opendsr.testkit.chassis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.DsrTestEnvironment;
import org.opendsr.testkit.GeneratedDeploymentProbesContract;
import org.opendsr.testkit.TestTokens;
import org.opendsr.testkit.security.TokenProbe;
import org.opendsr.testkit.security.TokenRefusalContract;

/**
 * What every deployed DSR module (each service and the gateway) proves about itself, whatever it does, in one test
 * that runs in every module from the test kit (the root pom's surefire dependenciesToScan) instead of a copy in each:
 * it starts, reports live and ready, and answers the probes and scrape target of its generated Deployment on its
 * management port ({@link GeneratedDeploymentProbesContract}); a module with a database starts against a real
 * PostgreSQL and Kafka, migrates its own database with Flyway (and the kit's tables) and refuses an unauthenticated
 * call. The module's values come from its pom as system properties (root pom, surefire): dsr.chassis.database (its
 * database, dsr.k8s.database.name) and dsr.chassis.without ("database" for the gateway, which has no database).
 * It runs only in a module whose pom names kubernetes-maven-plugin, as deploy-checks counts deployed modules.
 * It also refuses every token the {@link TokenRefusalContract} lists (alg none, HS256 with the public key, no exp,
 * a future nbf, a foreign audience, too old, expired...) and accepts a good one, on the test kit's
 * {@link TokenProbe} route: so each service and the gateway enforce the same token rules, including modules that
 * have no API of their own yet (risk-service, meeting-service).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf("deployedModule")
public class ServiceStartsHealthyTest
        implements GeneratedDeploymentProbesContract, TokenRefusalContract, TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Inject
    ApplicationContext context;

    static boolean deployedModule() {
        Path pom = Path.of(System.getProperty("basedir", "."), "pom.xml");
        try {
            return Files.isRegularFile(pom)
                    && Files.readString(pom).contains("<artifactId>kubernetes-maven-plugin</artifactId>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasDatabase() {
        return !System.getProperty("dsr.chassis.without", "none").matches(".*\\bdatabase\\b.*");
    }

    @Override
    public EmbeddedServer embeddedServer() {
        return server;
    }

    @Override
    public String tokenRefusalBaseUrl() {
        return server.getURL().toString();
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>();
        if (hasDatabase()) {
            properties.putAll(DsrTestEnvironment.forService(System.getProperty("dsr.chassis.database")));
        } else {
            // Nothing to point at but the token issuer: it must be live and ready without any backend.
            properties.putAll(TestTokens.get().serviceProperties());
            properties.put("micronaut.server.port", "-1");
        }
        properties.put(TokenProbe.PROPERTY, "true");
        // A free management port (endpoints.all.port), as the Kubernetes Deployment sets one (ENDPOINTS_ALL_PORT):
        // health and metrics then answer there only.
        try (ServerSocket socket = new ServerSocket(0)) {
            properties.put("endpoints.all.port", String.valueOf(socket.getLocalPort()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private ApiClient management() {
        return new ApiClient("http://localhost:" + context.getRequiredProperty("endpoints.all.port", Integer.class));
    }

    @Test
    void itIsLiveAndReady() {
        ApiClient api = management();
        assertThat(api.get("/health/liveness", null).status()).isEqualTo(200);
        assertThat(api.get("/health/readiness", null).status()).isEqualTo(200);
    }

    @Test
    void itMigratedItsOwnDatabaseAndTheKitTables() throws SQLException {
        assumeTrue(hasDatabase(), "a module without a database");
        try (Connection connection = DriverManager.getConnection(
                context.getRequiredProperty("datasources.default.url", String.class),
                context.getRequiredProperty("datasources.default.username", String.class),
                context.getRequiredProperty("datasources.default.password", String.class))) {
            assertThat(appliedMigrations(connection, "public")).isNotEmpty().allMatch(success -> success);
            assertThat(appliedMigrations(connection, "dsr_kit")).isNotEmpty().allMatch(success -> success);
        }
    }

    @Test
    void itRefusesAnUnauthenticatedCallToAnythingButHealthAndMetrics() {
        assumeTrue(hasDatabase(), "the gateway routes what it does not serve");
        ApiClient api = new ApiClient(server.getURL().toString());
        assertThat(management().get("/prometheus", null).status()).isEqualTo(200);
        assertThat(api.get("/anything", null).status()).isIn(401, 404);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        ApiClient api = new ApiClient(server.getURL().toString());
        List<ApiClient.ApiResponse> answers = List.of(
                api.get(TokenProbe.PATH, TestTokens.get().tokenFor("security-headers", "PROFESSIONAL")),
                api.get(TokenProbe.PATH, null));
        assertThat(answers).extracting(ApiClient.ApiResponse::status).containsExactly(200, 401);
        for (ApiClient.ApiResponse answer : answers) {
            assertThat(answer.header("Cache-Control")).as(answer.status() + " " + answer.headers()).isEqualTo("no-store");
            assertThat(answer.header("Pragma")).isEqualTo("no-cache");
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(answer.header("Content-Security-Policy")).isEqualTo("frame-ancestors 'none'");
            assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
        }
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
