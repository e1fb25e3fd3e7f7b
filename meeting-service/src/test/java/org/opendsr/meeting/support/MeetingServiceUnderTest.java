package org.opendsr.meeting.support;

import java.time.Clock;
import java.util.Map;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.meeting.shared.application.RegisterPeople;
import org.opendsr.meeting.shared.application.ReviewObligations;
import org.opendsr.testkit.events.ReferralEvents;

/**
 * meeting-service started against the real PostgreSQL and Kafka of the test run, with its API and the referral,
 * consent and risk events that make people known to it. Each test class extends this with
 * {@code @MicronautTest(transactional = false)}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MeetingServiceUnderTest implements TestPropertyProvider {

    @Inject
    protected EmbeddedServer server;

    @Inject
    protected Clock clock;

    @Inject
    protected RegisterPeople registerPeople;

    @Inject
    protected ReviewObligations reviewObligations;

    protected MeetingApi api;
    protected ReferralEvents referrals;
    protected RegisterEvents register;

    @Override
    public Map<String, String> getProperties() {
        return MeetingTestContext.properties();
    }

    @BeforeAll
    void connectToTheService() {
        api = new MeetingApi(server.getURL().toString());
        referrals = ReferralEvents.connect(clock);
        register = new RegisterEvents(referrals, registerPeople, reviewObligations);
    }

    @AfterAll
    void disconnectFromTheService() {
        referrals.close();
    }
}
