package org.opendsr.journey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.opendsr.local.LocalDsr;
import org.opendsr.local.Progress;
import org.opendsr.local.Servers;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.DatabaseCoordinates;
import org.opendsr.testkit.RealKafka;
import org.opendsr.testkit.RealPostgres;

/**
 * The whole DSR, started once for every journey of this test run (each journey keeps to its own people and
 * localities), with clocks the journeys can move, on the test run's real PostgreSQL and Kafka. Stopped when the run
 * ends.
 */
final class StartedDsr implements ExtensionContext.Store.CloseableResource {

    private static final Object KEY = StartedDsr.class;

    final LocalDsr dsr;
    final ApiClient gateway;
    /** Each service's database, by the name of {@code Servers.databases()}: for journeys that check what is stored. */
    final Map<String, DatabaseCoordinates> databases;

    private StartedDsr(LocalDsr dsr, Map<String, DatabaseCoordinates> databases) {
        this.dsr = dsr;
        this.gateway = new ApiClient(dsr.gatewayUrl());
        this.databases = Map.copyOf(databases);
    }

    /** The system of this test run, started by the first journey that asks. */
    static StartedDsr in(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(KEY, key -> start(), StartedDsr.class);
    }

    private static StartedDsr start() {
        try {
            Path root = Path.of(System.getProperty("dsr.repository.root", "..")).toAbsolutePath().normalize();
            Path temp = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath());
            Path data = Files.createTempDirectory(temp, "journey-");
            LocalDsr.Options options = LocalDsr.Options.forTests(root, data).withMovableClocks();
            // The kit logs each consumed event at DEBUG only (an INFO line per event cost CPU under load); the
            // journeys turn it on, so that TraceJourneyTest can see each consumer's line inside its span.
            List<String> jvm = new ArrayList<>(options.jvmOptions());
            jvm.add("-Dlogger.levels.org.opendsr.kit.messaging=DEBUG");
            // The journeys (the access matrix above all) call far more often than a person would: the gateway's
            // per-user rate limits are tested in the gateway's own tests, not met here.
            jvm.add("-Ddsr.gateway.rate-limits.reads=1000000");
            jvm.add("-Ddsr.gateway.rate-limits.referral-submissions=1000000");
            Map<String, DatabaseCoordinates> databases = new HashMap<>();
            return new StartedDsr(LocalDsr.startOn(testRunServers(databases),
                    options.withJvm(jvm, options.classDataSharing()), Progress.to(System.out)), databases);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The test run's PostgreSQL and Kafka, found as for every other test (the environment, else Testcontainers, else
     * the test kit's embedded servers), with a fresh database for each service.
     */
    private static Servers testRunServers(Map<String, DatabaseCoordinates> databases) {
        RealPostgres postgres = RealPostgres.get();
        for (String database : Servers.databases()) {
            databases.put(database, postgres.newDatabase(database));
        }
        DatabaseCoordinates any = databases.values().iterator().next();
        System.out.println("  PostgreSQL: " + postgres.origin() + "; Kafka: " + RealKafka.get().origin());
        return Servers.given(database -> databases.get(database).jdbcUrl(), any.username(), any.password(),
                RealKafka.get().bootstrapServers());
    }

    /** A bearer token for a demo user, from the gateway's demo issuer. */
    String tokenFor(String username) {
        ApiResponse token = gateway.post("/auth/demo-token", null, Map.of("username", username));
        if (token.status() != 200) {
            throw new AssertionError("no demo token for " + username + ": " + token.text());
        }
        return token.json().get("access_token").asText();
    }

    /** Moves one service's clock forward (the test clock is on each service's classpath in journeys). */
    void advanceClock(String service, String isoDuration) {
        ApiResponse moved = new ApiClient(dsr.serviceUrl(service)).post("/testing/clock", null,
                Map.of("advanceBy", isoDuration));
        if (moved.status() != 200) {
            throw new AssertionError("could not move " + service + "'s clock: " + moved.text());
        }
    }

    /**
     * Moves one service's clock forward to the same time of day on a later day in England, by whole calendar days:
     * steps read from the dates a service recorded never depend on how long a year or a month is.
     */
    void advanceClockTo(String service, LocalDate day) {
        ApiResponse now = new ApiClient(dsr.serviceUrl(service)).get("/testing/clock", null);
        if (now.status() != 200) {
            throw new AssertionError("could not read " + service + "'s clock: " + now.text());
        }
        LocalDate today = LocalDate.ofInstant(Instant.parse(now.json().get("now").asText()), ZoneId.of("Europe/London"));
        long days = ChronoUnit.DAYS.between(today, day);
        if (days < 0) {
            throw new AssertionError(service + "'s clock is already past " + day);
        }
        advanceClock(service, "P" + days + "D");
    }

    @Override
    public void close() {
        dsr.close();
    }
}
