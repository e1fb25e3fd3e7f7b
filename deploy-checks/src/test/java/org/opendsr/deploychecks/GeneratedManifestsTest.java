package org.opendsr.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What JKube generated for each deployed module (target/classes/META-INF/jkube/kubernetes.yml) is valid Kubernetes
 * and has what an ops team relies on. Whether the probe paths answer in a running service is tested in each service
 * module, against the same generated file.
 */
class GeneratedManifestsTest {

    static List<String> deployedModules() {
        return Repository.deployedModules();
    }

    @Test
    void everyServiceIsDeployed() {
        assertThat(deployedModules()).contains("referral-service", "consent-service", "risk-service",
                "meeting-service", "reporting-service");
    }

    @ParameterizedTest
    @MethodSource("deployedModules")
    void itsManifestIsValidKubernetesWithNothingUnknown(String module) {
        assertThat(Repository.generatedManifest(module)).as("run the whole build: ./mvnw verify").exists();
        List<Manifests.Resource> resources = Manifests.read(Repository.generatedManifest(module));
        List<String> problems = new ArrayList<>();
        resources.forEach(resource -> problems.addAll(CoreKinds.problems(resource)));
        assertThat(problems).isEmpty();
        assertThat(resources).extracting(r -> r.kind() + "/" + r.name()).containsExactlyInAnyOrder(
                "Deployment/" + module, "Service/" + module, "ConfigMap/" + module, "PodDisruptionBudget/" + module);
    }

    @ParameterizedTest
    @MethodSource("deployedModules")
    void itsDeploymentRunsHardenedWithProbesResourcesAndMetrics(String module) {
        Deployment deployment = deployment(module);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        assertThat(pod.getContainers()).hasSize(1);
        Container container = pod.getContainers().get(0);

        assertThat(container.getImage()).endsWith("/" + module + ":" + deployment.getMetadata().getLabels().get("version"));
        assertThat(container.getPorts()).extracting(ContainerPort::getName, ContainerPort::getContainerPort)
                .as("the service port and the management port: no Jolokia or Prometheus agent ports")
                .containsExactly(tuple("http", 8080), tuple("management", 8090));
        assertThat(container.getEnv()).anySatisfy(env -> {
            assertThat(env.getName()).isEqualTo("ENDPOINTS_ALL_PORT");
            assertThat(env.getValue()).isEqualTo("8090");
        });

        for (Probe probe : List.of(container.getStartupProbe(), container.getLivenessProbe(), container.getReadinessProbe())) {
            assertThat(probe).isNotNull();
            assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("management");
        }
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health/liveness");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health/readiness");
        assertThat(container.getStartupProbe().getFailureThreshold() * container.getStartupProbe().getPeriodSeconds())
                .as("seconds a slow start (JVM, migrations) is given").isGreaterThanOrEqualTo(60);

        assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");

        assertThat(pod.getImagePullSecrets()).as("a private registry's pull secret, none by default (empty name)")
                .extracting(io.fabric8.kubernetes.api.model.LocalObjectReference::getName).containsExactly("");

        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container.getVolumeMounts()).anySatisfy(mount -> {
            assertThat(mount.getMountPath()).isEqualTo("/tmp");
            assertThat(pod.getVolumes()).anySatisfy(volume -> {
                assertThat(volume.getName()).isEqualTo(mount.getName());
                assertThat(volume.getEmptyDir()).isNotNull();
            });
        });

        var annotations = deployment.getSpec().getTemplate().getMetadata().getAnnotations();
        assertThat(annotations).containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/path", "/prometheus")
                .containsEntry("prometheus.io/port", "8090");
        assertThat(container.getEnvFrom()).anySatisfy(from ->
                assertThat(from.getConfigMapRef().getName()).isEqualTo(module));
    }

    @ParameterizedTest
    @MethodSource("deployedModules")
    void itCarriesNothingInheritedFromMicronautsParentPom(String module) {
        String manifest = Repository.read(Repository.generatedManifest(module));
        assertThat(manifest).doesNotContainIgnoringCase("micronaut-projects").doesNotContain("9779").doesNotContain("8778")
                .doesNotContain("jolokia").doesNotContain("jkube.eclipse.org/git-url");
    }

    @ParameterizedTest
    @MethodSource("deployedModules")
    void secretsComeFromSecretsAndNeverFromTheManifest(String module) {
        Container container = deployment(module).getSpec().getTemplate().getSpec().getContainers().get(0);
        for (EnvVar env : container.getEnv()) {
            if (env.getName().matches(".*(PASSWORD|JAAS|KEY|SECRET|TOKEN).*")) {
                assertThat(env.getValue()).as(env.getName() + " must come from a Secret").isNull();
                assertThat(env.getValueFrom().getSecretKeyRef()).as(env.getName()).isNotNull();
            }
        }
        Manifests.Resource configMap = Manifests.find(Manifests.read(Repository.generatedManifest(module)),
                "ConfigMap", module).orElseThrow();
        configMap.node().path("data").fieldNames().forEachRemaining(key ->
                assertThat(key).doesNotContain("PASSWORD").doesNotContain("JAAS").doesNotContain("KEY"));
    }

    @ParameterizedTest
    @MethodSource("deployedModules")
    void itsServiceAndDisruptionBudgetSelectItsPods(String module) {
        List<Manifests.Resource> resources = Manifests.read(Repository.generatedManifest(module));
        var podLabels = deployment(module).getSpec().getTemplate().getMetadata().getLabels();
        var service = (io.fabric8.kubernetes.api.model.Service) CoreKinds.typed(
                Manifests.find(resources, "Service", module).orElseThrow());
        assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
        assertThat(service.getSpec().getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getPort()).isEqualTo(8080);
            assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
        });
        var budget = (io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget) CoreKinds.typed(
                Manifests.find(resources, "PodDisruptionBudget", module).orElseThrow());
        assertThat(podLabels).containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
    }

    @Test
    void everyDeployedModuleHasGeneratedManifests() {
        for (String module : deployedModules()) {
            assertThat(Files.exists(Repository.generatedManifest(module)))
                    .as(module + " names kubernetes-maven-plugin but has no generated manifest: run ./mvnw -DskipTests package")
                    .isTrue();
        }
    }

    static Deployment deployment(String module) {
        return (Deployment) CoreKinds.typed(Manifests.find(Manifests.read(Repository.generatedManifest(module)),
                "Deployment", module).orElseThrow());
    }
}
