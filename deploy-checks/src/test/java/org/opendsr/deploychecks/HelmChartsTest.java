package org.opendsr.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Helm chart k8s:helm generated for each deployed module: our metadata, the values ops set, and templates that
 * render to the same valid resources as the plain manifest. */
class HelmChartsTest {

    static List<String> deployedModules() {
        return Repository.deployedModules();
    }

    @ParameterizedTest
    @MethodSource("deployedModules")
    void itsChartMetadataIsOurs(String module) throws java.io.IOException {
        assertThat(Repository.helmChart(module).resolve("Chart.yaml")).as("run the whole build: ./mvnw verify").exists();
        JsonNode chart = HelmChart.read(Repository.helmChart(module)).chart();
        assertThat(chart.path("apiVersion").asText()).isEqualTo("v2");
        assertThat(chart.path("name").asText()).isEqualTo(module);
        assertThat(chart.path("version").asText()).matches("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?");
        assertThat(chart.path("home").asText()).contains("opendsr");
        assertThat(chart.path("sources").get(0).asText()).contains("opendsr");
        assertThat(chart.path("maintainers").get(0).path("name").asText()).contains("DSR");
        assertThat(chart.toString()).doesNotContainIgnoringCase("micronaut");
        assertThat(Files.list(Repository.helmChart(module)).map(p -> p.getFileName().toString()))
                .anyMatch(name -> name.startsWith(module + "-") && name.endsWith(".tar.gz"));
    }

    @ParameterizedTest
    @MethodSource("deployedModules")
    void itsValuesCoverImageReplicasResourcesAndEndpoints(String module) {
        JsonNode values = HelmChart.read(Repository.helmChart(module)).values();
        assertThat(values.path("image").asText()).endsWith("/" + module + ":" + values.path("image").asText().replaceAll(".*:", ""));
        assertThat(values.path("replicas").asInt()).isPositive();
        for (String path : List.of("requests.cpu", "requests.memory", "limits.cpu", "limits.memory")) {
            String[] keys = path.split("\\.");
            assertThat(values.path("resources").path(keys[0]).path(keys[1]).asText()).as(path).isNotBlank();
        }
        if (!module.equals("gateway")) {
            assertThat(values.path("database").path("url").asText()).startsWith("jdbc:postgresql://");
            assertThat(values.path("kafka").path("bootstrapServers").asText()).isNotBlank();
        }
    }

    @ParameterizedTest
    @MethodSource("deployedModules")
    void itRendersWithItsDefaultsToExactlyThePlainManifest(String module) {
        HelmChart chart = HelmChart.read(Repository.helmChart(module));
        List<Manifests.Resource> rendered = chart.render(chart.values());
        List<Manifests.Resource> plain = Manifests.read(Repository.generatedManifest(module));
        rendered.forEach(resource -> assertThat(CoreKinds.problems(resource)).isEmpty());
        assertThat(rendered).hasSameSizeAs(plain);
        for (Manifests.Resource resource : rendered) {
            HasMetadata expected = CoreKinds.typed(Manifests.find(plain, resource.kind(), resource.name()).orElseThrow(
                    () -> new AssertionError(resource + " is not in the plain manifest")));
            assertThat(CoreKinds.typed(resource)).as(resource.toString()).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @MethodSource("deployedModules")
    void itsValuesReachTheResources(String module) {
        HelmChart chart = HelmChart.read(Repository.helmChart(module));
        List<Manifests.Resource> rendered = chart.render(chart.valuesWith(Map.of(
                "image", "registry.example.nhs.uk/dsr/" + module + ":1.2.3",
                "replicas", "3",
                "resources.limits.memory", "768Mi")));
        rendered.forEach(resource -> assertThat(CoreKinds.problems(resource)).isEmpty());
        Deployment deployment = (Deployment) CoreKinds.typed(Manifests.ofKind(rendered, "Deployment").get(0));
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
        var container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getImage()).isEqualTo("registry.example.nhs.uk/dsr/" + module + ":1.2.3");
        assertThat(container.getResources().getLimits().get("memory")).isEqualTo(new Quantity("768Mi"));
    }
}
