package org.opendsr.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.opendsr.consent.adapters.scheduling.DailyConsentLifecycle;
import org.opendsr.testkit.DsrTestEnvironment;
import org.opendsr.testkit.GeneratedDeploymentProbesContract;
import org.opendsr.testkit.ServiceStartsHealthyContract;

@MicronautTest(transactional = false)
class ConsentServiceStartsHealthyTest extends ServiceStartsHealthyContract implements GeneratedDeploymentProbesContract {

    @Override
    public EmbeddedServer embeddedServer() {
        return server;
    }

    @Inject
    ApplicationContext context;

    @Override
    public Map<String, String> getProperties() {
        return withManagementPort(DsrTestEnvironment.forService("consent"));
    }

    @Test
    void theNightlyLifecycleRunIsScheduledAt0230InEnglandByDefault() {
        assertThat(context.containsBean(DailyConsentLifecycle.class)).isTrue();
        assertThat(context.getProperty("dsr.consent.lifecycle.cron", String.class))
                .contains(DailyConsentLifecycle.DEFAULT_CRON);
    }
}
