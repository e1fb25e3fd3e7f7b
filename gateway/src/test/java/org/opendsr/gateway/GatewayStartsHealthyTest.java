package org.opendsr.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.GeneratedDeploymentProbesContract;
import org.opendsr.testkit.ServiceStartsHealthyContract;
import org.opendsr.testkit.TestTokens;

/** The gateway starts as its Kubernetes Deployment expects: probes and scrape target answer, demo issuer off. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayStartsHealthyTest implements GeneratedDeploymentProbesContract, TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Override
    public EmbeddedServer embeddedServer() {
        return server;
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(TestTokens.get().serviceProperties());
        properties.put("micronaut.server.port", "-1");
        return ServiceStartsHealthyContract.withManagementPort(properties);
    }

    @Test
    void itIsLiveAndReadyWithoutAnyBackend() {
        ApiClient api = new ApiClient("http://localhost:" + server.getApplicationContext()
                .getProperty("endpoints.all.port", Integer.class).orElseThrow());
        assertThat(api.get("/health/liveness", null).status()).isEqualTo(200);
        assertThat(api.get("/health/readiness", null).status()).isEqualTo(200);
    }
}
