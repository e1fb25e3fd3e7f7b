package org.opendsr.risk.support;

import org.opendsr.testkit.events.ReferralEvents;

import java.time.Clock;
import java.util.Map;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * risk-service started against the real PostgreSQL and Kafka of the test run, with its API and the referral events
 * that make people known to it. Each test class extends this with {@code @MicronautTest(transactional = false)}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RiskServiceUnderTest implements TestPropertyProvider {

    @Inject
    protected EmbeddedServer server;

    @Inject
    protected Clock clock;

    protected RiskApi api;
    protected ReferralEvents referrals;

    @Override
    public Map<String, String> getProperties() {
        return RiskTestContext.properties();
    }

    @BeforeAll
    void connectToTheService() {
        api = new RiskApi(server.getURL().toString());
        referrals = ReferralEvents.connect(clock);
    }

    @AfterAll
    void disconnectFromTheService() {
        referrals.close();
    }
}
