package org.opendsr.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.consent.adapters.scheduling.DailyConsentLifecycle;
import org.opendsr.testkit.DsrTestEnvironment;

/** The service as started with its own configuration schedules the nightly consent lifecycle run. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NightlyLifecycleScheduleTest implements TestPropertyProvider {

    @Inject
    ApplicationContext context;

    @Override
    public Map<String, String> getProperties() {
        return DsrTestEnvironment.forService("consent");
    }

    @Test
    void theNightlyLifecycleRunIsScheduledAt0230InEnglandByDefault() {
        assertThat(context.containsBean(DailyConsentLifecycle.class)).isTrue();
        assertThat(context.getProperty("dsr.consent.lifecycle.cron", String.class))
                .contains(DailyConsentLifecycle.DEFAULT_CRON);
    }
}
