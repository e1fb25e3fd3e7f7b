package org.opendsr.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        }
        // The gateway too: it publishes its access records (dsr.gateway.access).
        assertThat(values.path("kafka").path("bootstrapServers").asText()).isNotBlank();
    }

    /** The identity provider has no chart default: the plain manifest's placeholder must never be installed. */
    static final Map<String, String> IDENTITY_PROVIDER = Map.of(
            "security.jwksUrl", "https://idp.example.nhs.uk/jwks",
            "security.issuer", "https://idp.example.nhs.uk",
            "security.audience", "api://dsr.example.nhs.uk");

    @ParameterizedTest
    @MethodSource("deployedModules")
    void itRendersWithItsDefaultsAndAnIdentityProviderToExactlyThePlainManifest(String module) {
        HelmChart chart = HelmChart.read(Repository.helmChart(module));
        JsonNode plainConfig = Manifests.find(Manifests.read(Repository.generatedManifest(module)), "ConfigMap", module)
                .orElseThrow().node().path("data");
        List<Manifests.Resource> rendered = chart.render(chart.valuesWith(Map.of(
                "security.jwksUrl", plainConfig.path("DSR_SECURITY_JWKS_URL").asText(),
                "security.issuer", plainConfig.path("DSR_SECURITY_ISSUER").asText(),
                "security.audience", plainConfig.path("DSR_SECURITY_AUDIENCE").asText())));
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
    void itDoesNotRenderUntilTheIdentityProviderIsGiven(String module) {
        HelmChart chart = HelmChart.read(Repository.helmChart(module));
        assertThat(chart.values().has("security")).as("no default identity provider in values.yaml").isFalse();
        assertThat(chart.usedValues()).containsEntry("security.jwksUrl", true).containsEntry("security.issuer", true)
                .containsEntry("security.audience", true);
        assertThatThrownBy(() -> chart.render(chart.values())).hasMessageContaining(".Values.security.");
        String plain = Repository.read(Repository.generatedManifest(module));
        assertThat(plain).as("the plain manifest's placeholder is a name that never resolves").contains(".invalid");
    }

    /** Every value of a chart reaches a template and every template value is defined (or required): none unused,
     * such as the gateway's database settings it has no use for. */
    @ParameterizedTest
    @MethodSource("deployedModules")
    void itsValuesAreExactlyThoseItsTemplatesUse(String module) {
        HelmChart chart = HelmChart.read(Repository.helmChart(module));
        java.util.Set<String> expected = new java.util.TreeSet<>(chart.usedValues().keySet());
        chart.usedValues().forEach((value, required) -> {
            if (required) {
                expected.remove(value);
            }
        });
        assertThat(chart.definedValues()).isEqualTo(expected);
        if (module.equals("gateway")) {
            assertThat(chart.values().has("database")).isFalse();
            assertThat(chart.values().has("kafka")).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("deployedModules")
    void itsValuesReachTheResources(String module) {
        HelmChart chart = HelmChart.read(Repository.helmChart(module));
        Map<String, String> values = new java.util.HashMap<>(IDENTITY_PROVIDER);
        values.putAll(Map.of(
                "image", "registry.example.nhs.uk/dsr/" + module + ":1.2.3",
                "imagePullSecret", "dsr-registry",
                "replicas", "3",
                "resources.limits.memory", "768Mi"));
        List<Manifests.Resource> rendered = chart.render(chart.valuesWith(values));
        rendered.forEach(resource -> assertThat(CoreKinds.problems(resource)).isEmpty());
        Deployment deployment = (Deployment) CoreKinds.typed(Manifests.ofKind(rendered, "Deployment").get(0));
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
        var container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getImage()).isEqualTo("registry.example.nhs.uk/dsr/" + module + ":1.2.3");
        assertThat(container.getResources().getLimits().get("memory")).isEqualTo(new Quantity("768Mi"));
        assertThat(deployment.getSpec().getTemplate().getSpec().getImagePullSecrets())
                .extracting(io.fabric8.kubernetes.api.model.LocalObjectReference::getName).containsExactly("dsr-registry");
        JsonNode config = Manifests.ofKind(rendered, "ConfigMap").get(0).node().path("data");
        assertThat(config.path("DSR_SECURITY_JWKS_URL").asText()).isEqualTo(IDENTITY_PROVIDER.get("security.jwksUrl"));
        assertThat(config.path("DSR_SECURITY_ISSUER").asText()).isEqualTo(IDENTITY_PROVIDER.get("security.issuer"));
        assertThat(config.path("DSR_SECURITY_AUDIENCE").asText()).isEqualTo(IDENTITY_PROVIDER.get("security.audience"));
    }

    @ParameterizedTest
    @MethodSource("deployedModules")
    void itsChartDescriptionIsOneTidyParagraph(String module) {
        String description = HelmChart.read(Repository.helmChart(module)).chart().path("description").asText();
        assertThat(description).isNotBlank().doesNotContain("\n").doesNotContain("  ").isEqualTo(description.strip());
    }
}
