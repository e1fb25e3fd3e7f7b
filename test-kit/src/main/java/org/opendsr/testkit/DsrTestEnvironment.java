package org.opendsr.testkit;

import java.util.HashMap;
import java.util.Map;

/**
 * Properties that point a service under test at the real PostgreSQL and Kafka of this JVM and at the test token
 * issuer. Use from a {@code TestPropertyProvider}:
 *
 * <pre>{@code
 * @MicronautTest(transactional = false)
 * @TestInstance(TestInstance.Lifecycle.PER_CLASS)
 * class SomethingTest implements TestPropertyProvider {
 *     public Map<String, String> getProperties() { return DsrTestEnvironment.forService("referral"); }
 * }
 * }</pre>
 */
public final class DsrTestEnvironment {

    private DsrTestEnvironment() {
    }

    /** A fresh database for this test context, the shared broker, the test token issuer and a free port. */
    public static Map<String, String> forService(String databasePrefix) {
        DatabaseCoordinates database = RealPostgres.get().newDatabase(databasePrefix);
        Map<String, String> properties = new HashMap<>();
        properties.put("datasources.default.url", database.jdbcUrl());
        properties.put("datasources.default.username", database.username());
        properties.put("datasources.default.password", database.password());
        properties.put("kafka.bootstrap.servers", RealKafka.get().bootstrapServers());
        // The kit's defaults say 8080, which a test would otherwise bind: a second build or a local run on the
        // same machine (or the previous context, still letting go of it) then fails the test. Any free port.
        properties.put("micronaut.server.port", "-1");
        properties.putAll(TestTokens.get().serviceProperties());
        // Where the test-clock module is on the test classpath, its movable clock and /testing/clock are switched
        // on only by this (org.opendsr.testclock.ClockControl.PROPERTY); no production configuration sets it.
        properties.put("dsr.testing.clock-control", "true");
        // Production checks event payloads against their schemas only where input enters; tests check every outbox
        // payload too, so that a service writing an event that does not match its schema fails its tests.
        properties.put("dsr.outbox.validate-payloads", "true");
        // Test tokens for the DSR team carry no areas claim unless a test gives one: they work in every BSW area,
        // so that tests not about areas see what they always saw. Area tests give the claim explicitly.
        properties.put("dsr.access.dsr-team-areas", "SWINDON,WILTSHIRE,BATH_AND_NORTH_EAST_SOMERSET");
        return properties;
    }
}
