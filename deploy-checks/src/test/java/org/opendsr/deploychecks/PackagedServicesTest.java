package org.opendsr.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The jars built for production hold no test clock: a clock anyone could move through {@code POST /testing/clock}
 * would let them lapse every consent on the register. The test-clock module is a test-scope dependency only; this
 * checks the packaged result, which is what is deployed. The services are built before this module (its pom depends
 * on them), so {@code ./mvnw verify} has packaged them by now.
 */
class PackagedServicesTest {

    static List<String> deployedModules() {
        return Repository.deployedModules();
    }

    @ParameterizedTest
    @MethodSource("deployedModules")
    void theProductionJarHasNoTestClock(String module) throws IOException {
        Path jar = Repository.ROOT.resolve(module).resolve("target").resolve(module + ".jar");
        assertThat(jar).as("%s is built before deploy-checks: ./mvnw -DskipTests package", jar).exists();

        List<String> entries;
        try (JarFile file = new JarFile(jar.toFile())) {
            entries = file.stream().map(JarEntry::getName).toList();
        }

        // The jar carries its dependencies, so what is not in it is not on the production classpath.
        assertThat(entries).as("%s bundles its dependencies", module)
                .anyMatch(entry -> entry.startsWith("io/micronaut/"));
        assertThat(entries).as("test clock classes in %s", module)
                .noneMatch(entry -> entry.startsWith("org/opendsr/testclock/"))
                .noneMatch(entry -> entry.contains("test-clock"));
    }
}
