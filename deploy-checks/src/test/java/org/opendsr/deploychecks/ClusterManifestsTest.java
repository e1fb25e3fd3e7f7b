package org.opendsr.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every hand-written manifest in deploy/k8s: core kinds read strictly, custom resources against their CRD. */
class ClusterManifestsTest {

    static final CustomResourceSchemas SCHEMAS = new CustomResourceSchemas(Repository.CRDS);

    static List<Path> clusterManifestFiles() {
        return Repository.clusterManifestFiles();
    }

    @Test
    void theOperatorsCrdsAreAllThere() {
        // Strimzi: Kafka, KafkaNodePool, KafkaTopic, KafkaUser; CloudNativePG: Cluster, Database, ScheduledBackup.
        assertThat(SCHEMAS.size()).isGreaterThanOrEqualTo(7);
    }

    @ParameterizedTest
    @MethodSource("clusterManifestFiles")
    void everyResourceIsValid(Path file) {
        List<Manifests.Resource> resources = Manifests.read(file);
        assertThat(resources).as(file + " holds no resource").isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (Manifests.Resource resource : resources) {
            if (CoreKinds.isCoreKind(resource)) {
                problems.addAll(CoreKinds.problems(resource));
            } else {
                problems.addAll(SCHEMAS.problems(resource));
            }
            String namespace = resource.node().path("metadata").path("namespace").asText();
            if (!resource.kind().equals("Namespace")) {
                assertThat(namespace).as(resource + " namespace").isEqualTo("dsr");
            }
        }
        assertThat(problems).isEmpty();
    }
}
