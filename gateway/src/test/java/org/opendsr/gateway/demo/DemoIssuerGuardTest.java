package org.opendsr.gateway.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

/** The demo issuer starts only outside Kubernetes and with its own issuer name. */
class DemoIssuerGuardTest {

    private static final String OWN = DemoIssuerSettings.ISSUER;

    @Test
    void itMayRunLocallyWithItsOwnIssuer() {
        assertThat(DemoIssuerGuard.refusal(Map.of(), Set.of("test"), OWN)).isEmpty();
    }

    @Test
    void itRefusesInKubernetes() {
        assertThat(DemoIssuerGuard.refusal(Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1"), Set.of(), OWN))
                .hasValueSatisfying(reason -> assertThat(reason).contains("KUBERNETES_SERVICE_HOST"));
        assertThat(DemoIssuerGuard.refusal(Map.of(), Set.of("k8s", "cloud"), OWN))
                .hasValueSatisfying(reason -> assertThat(reason).contains("k8s"));
    }

    @Test
    void itRefusesAnyIssuerButItsOwn() {
        assertThat(DemoIssuerGuard.refusal(Map.of(), Set.of(), "https://am.nhsidentity.spineservices.nhs.uk/openam"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("DSR_SECURITY_ISSUER"));
        assertThat(DemoIssuerGuard.refusal(Map.of(), Set.of(), "")).isPresent();
    }

    @Test
    void theGatewayDoesNotStartWithTheDemoIssuerInTheK8sEnvironmentOrWithAnotherIssuer() {
        Map<String, Object> demo = Map.of(
                "dsr.gateway.demo-issuer.enabled", "true",
                "dsr.security.audience", "dsr-local",
                "dsr.security.jwks-url", "http://localhost:1/keys",
                "dsr.security.issuer", OWN);
        assertThatThrownBy(() -> ApplicationContext.run(demo, "k8s").close())
                .hasStackTraceContaining("refuses to start");
        Map<String, Object> foreignIssuer = new java.util.HashMap<>(demo);
        foreignIssuer.put("dsr.security.issuer", "https://login.microsoftonline.com/tenant/v2.0");
        assertThatThrownBy(() -> ApplicationContext.run(foreignIssuer, "test").close())
                .hasStackTraceContaining("DSR_SECURITY_ISSUER");
    }
}
