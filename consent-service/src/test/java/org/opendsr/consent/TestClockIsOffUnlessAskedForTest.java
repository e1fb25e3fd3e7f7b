package org.opendsr.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.testclock.ClockControl;
import org.opendsr.testclock.ClockControlController;
import org.opendsr.testclock.MovableClock;
import org.opendsr.testkit.ApiClient;

/**
 * The test clock is on this test classpath, as it would be on any classpath it reached by mistake: without
 * {@code dsr.testing.clock-control=true} the service keeps its real clock and nobody can move it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestClockIsOffUnlessAskedForTest implements TestPropertyProvider {

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    @Inject
    Clock clock;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(org.opendsr.testkit.DsrTestEnvironment.forService("consent"));
        properties.remove(ClockControl.PROPERTY);
        return properties;
    }

    @Test
    void theServiceKeepsItsRealClockAndHasNoClockControl() {
        assertThat(clock).isNotInstanceOf(MovableClock.class);
        assertThat(context.containsBean(ClockControlController.class)).isFalse();

        ApiClient http = new ApiClient(server.getURL().toString());
        assertThat(http.post("/testing/clock", null, Map.of("advanceBy", "P30D")).status()).isNotEqualTo(200);
        assertThat(http.get("/testing/clock", null).status()).isNotEqualTo(200);
    }
}
