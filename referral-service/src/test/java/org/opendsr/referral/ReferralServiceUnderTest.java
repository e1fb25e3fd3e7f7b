package org.opendsr.referral;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.contracts.access.CareTeamChanged;
import org.opendsr.contracts.access.CareTeamMember;
import org.opendsr.contracts.access.CareTeamRole;
import org.opendsr.kit.access.CareTeams;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.DsrTestEnvironment;

/**
 * referral-service started against the real PostgreSQL and Kafka of the test run, with the 999 test NHS numbers
 * accepted, and what a test of it needs: its API, its database, the topics it reads and writes, and journeys.
 * Each test class extends this with {@code @MicronautTest(transactional = false)}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReferralServiceUnderTest implements TestPropertyProvider {

    @Inject
    protected EmbeddedServer server;

    @Value("${datasources.default.url}")
    protected String databaseUrl;

    @Value("${datasources.default.username}")
    protected String databaseUser;

    @Value("${datasources.default.password}")
    protected String databasePassword;

    @Inject
    protected CareTeams careTeams;

    @Inject
    protected TransactionOperations<Connection> transactions;

    protected ApiClient api;
    protected ReferralDatabase database;
    protected EventsOnTopics events;
    protected Journeys journeys;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DsrTestEnvironment.forService("referral"));
        properties.put("dsr.referral.accept-test-nhs-numbers", "true");
        properties.put("dsr.referral.agencies", AgencyTopics.REGISTERED);
        AgencyTopics.createOnce();
        return properties;
    }

    @BeforeAll
    void connectToTheService() {
        api = new ApiClient(server.getURL().toString());
        database = new ReferralDatabase(databaseUrl, databaseUser, databasePassword);
        events = new EventsOnTopics();
        journeys = new Journeys(api, events);
    }

    /**
     * Records the agency as providing the person's care, as the DSR team's care-team endpoint does (the whole team
     * is replaced: in these tests nobody else is in it).
     */
    protected void recordAsProvider(String personId, String agencyId) {
        transactions.executeWrite(status -> {
            careTeams.replace(new CareTeamChanged(UUID.fromString(personId), "SWINDON",
                    List.of(new CareTeamMember(UUID.randomUUID(), agencyId, CareTeamRole.PROVIDING_AGENCY,
                            Instant.now().minus(Duration.ofDays(1)), null)),
                    Instant.now()));
            return null;
        });
    }

    @AfterAll
    void disconnectFromTheService() {
        events.close();
    }
}
