package org.opendsr.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes Deployment that JKube generates for a service (target/classes/META-INF/jkube/kubernetes.yml,
 * written in process-resources) points its startup, liveness and readiness probes and its Prometheus scrape
 * annotations at endpoints that really answer in the running service, on its management port (and not on the
 * service port). A service's started-healthy test implements this, so it costs no extra start-up:
 *
 * <pre>{@code
 * class XyzServiceStartsHealthyTest extends ServiceStartsHealthyContract implements GeneratedDeploymentProbesContract {
 *     public EmbeddedServer embeddedServer() { return server; }
 *     public Map<String, String> getProperties() {
 *         return withManagementPort(DsrTestEnvironment.forService("xyz"));
 *     }
 * }
 * }</pre>
 */
public interface GeneratedDeploymentProbesContract {

    /** The service under test, started by Micronaut on a free port and a free management port. */
    EmbeddedServer embeddedServer();

    /**
     * The management port the Deployment sets (ENDPOINTS_ALL_PORT: health and Prometheus on a port of their own, so
     * the monitoring namespace can be let in without reaching the API). The test must start the service the same
     * way: {@link ServiceStartsHealthyContract#withManagementPort}.
     */
    @Test
    default void theGeneratedDeploymentProbesAndScrapeTargetAnswerOnTheManagementPort() {
        JsonNode deployment = generatedDeployment();
        JsonNode pod = deployment.path("spec").path("template");
        JsonNode container = pod.path("spec").path("containers").get(0);
        int servicePort = declaredPort(container, "http");
        int managementPort = declaredPort(container, "management");

        // In the container the service listens where the Deployment says, because the Deployment sets both ports.
        assertThat(environmentValue(container, "MICRONAUT_SERVER_PORT")).isEqualTo(String.valueOf(servicePort));
        assertThat(environmentValue(container, "ENDPOINTS_ALL_PORT")).isEqualTo(String.valueOf(managementPort));
        assertThat(managementPort).isNotEqualTo(servicePort);

        Integer startedManagementPort = embeddedServer().getApplicationContext()
                .getProperty("endpoints.all.port", Integer.class).orElse(null);
        assertThat(startedManagementPort).as("start the service under test with endpoints.all.port, as the "
                + "Deployment does (ServiceStartsHealthyContract.withManagementPort)").isNotNull();
        ApiClient management = new ApiClient("http://localhost:" + startedManagementPort);
        ApiClient service = new ApiClient(embeddedServer().getURL().toString());
        List<String> probed = new ArrayList<>();
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            JsonNode httpGet = container.path(probe).path("httpGet");
            assertThat(httpGet.isMissingNode()).as(probe + " is an HTTP probe").isFalse();
            assertThat(resolvePort(container, httpGet.path("port"))).as(probe + " port").isEqualTo(managementPort);
            String path = httpGet.path("path").asText();
            assertThat(management.get(path, null).status()).as(probe + " GET " + path).isEqualTo(200);
            assertThat(service.get(path, null).status()).as(path + " is not on the service port").isNotEqualTo(200);
            probed.add(path);
        }
        assertThat(probed).contains("/health/liveness", "/health/readiness");

        JsonNode annotations = pod.path("metadata").path("annotations");
        assertThat(annotations.path("prometheus.io/scrape").asText()).isEqualTo("true");
        assertThat(annotations.path("prometheus.io/port").asInt()).isEqualTo(managementPort);
        String metricsPath = annotations.path("prometheus.io/path").asText();
        ApiClient.ApiResponse metrics = management.get(metricsPath, null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text()).contains("# TYPE jvm_memory_used_bytes");
        assertThat(service.get(metricsPath, null).status()).as(metricsPath + " is not on the service port")
                .isNotEqualTo(200);
    }

    private static int declaredPort(JsonNode container, String name) {
        for (JsonNode declared : container.path("ports")) {
            if (declared.path("name").asText().equals(name)) {
                return declared.path("containerPort").asInt();
            }
        }
        throw new AssertionError("the container declares no port named " + name);
    }

    private static JsonNode generatedDeployment() {
        Path manifest = Path.of(System.getProperty("basedir", "."), "target/classes/META-INF/jkube/kubernetes.yml");
        assertThat(manifest).as("generated by k8s:resource in process-resources").exists();
        try {
            JsonNode list = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(manifest));
            for (JsonNode item : list.path("items")) {
                if (item.path("kind").asText().equals("Deployment")) {
                    return item;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no Deployment in " + manifest);
    }

    private static int resolvePort(JsonNode container, JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        for (JsonNode declared : container.path("ports")) {
            if (declared.path("name").asText().equals(port.asText())) {
                return declared.path("containerPort").asInt();
            }
        }
        throw new AssertionError("probe port " + port + " is not a port of the container");
    }

    private static String environmentValue(JsonNode container, String name) {
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asText().equals(name)) {
                return env.path("value").asText();
            }
        }
        return null;
    }
}
