package org.opendsr.consent;

import java.time.Clock;
import java.util.Map;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.consent.support.ConsentApi;
import org.opendsr.consent.support.ConsentTestContext;
import org.opendsr.testkit.events.ReferralEvents;

/**
 * consent-service started against the real PostgreSQL and Kafka of the test run, with its API and the referral
 * events that make people known to it. Each test class extends this with {@code @MicronautTest(transactional = false)}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConsentServiceUnderTest implements TestPropertyProvider {

    @Inject
    protected EmbeddedServer server;

    @Inject
    protected Clock clock;

    protected ConsentApi api;
    protected ReferralEvents referrals;

    @Override
    public Map<String, String> getProperties() {
        return ConsentTestContext.properties();
    }

    @BeforeAll
    void connectToTheService() {
        api = new ConsentApi(server.getURL().toString());
        referrals = ReferralEvents.connect(clock);
    }

    @AfterAll
    void disconnectFromTheService() {
        referrals.close();
    }
}
