package org.opendsr.referral;

import java.util.HashMap;
import java.util.Map;

import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
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

    protected ApiClient api;
    protected ReferralDatabase database;
    protected EventsOnTopics events;
    protected Journeys journeys;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DsrTestEnvironment.forService("referral"));
        properties.put("dsr.referral.accept-test-nhs-numbers", "true");
        return properties;
    }

    @BeforeAll
    void connectToTheService() {
        api = new ApiClient(server.getURL().toString());
        database = new ReferralDatabase(databaseUrl, databaseUser, databasePassword);
        events = new EventsOnTopics();
        journeys = new Journeys(api, events);
    }

    @AfterAll
    void disconnectFromTheService() {
        events.close();
    }
}
