package org.opendsr.deploychecks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where things are in the repository: the modules that JKube deploys (those whose pom names kubernetes-maven-plugin;
 * their fragments are the chassis templates, chassis/jkube), what JKube generated for them, and the hand-written
 * cluster parts under deploy/.
 */
final class Repository {

    static final Path ROOT = Path.of(System.getProperty("dsr.repository.root", "..")).toAbsolutePath().normalize();
    static final Path DEPLOY = ROOT.resolve("deploy");
    static final Path CLUSTER_MANIFESTS = DEPLOY.resolve("k8s");
    static final Path CRDS = DEPLOY.resolve("crds");
    static final Path CHASSIS = ROOT.resolve("chassis");

    private Repository() {
    }

    /** Every module JKube deploys: the services and the gateway. */
    static List<String> deployedModules() {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(dir -> Files.isRegularFile(dir.resolve("pom.xml")))
                    .filter(dir -> read(dir.resolve("pom.xml")).contains("<artifactId>kubernetes-maven-plugin</artifactId>"))
                    .map(dir -> dir.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The modules that own a database and use Kafka (all deployed modules but the gateway). */
    static List<String> dataServices() {
        return deployedModules().stream().filter(module -> !module.equals("gateway")).toList();
    }

    static Path generatedManifest(String module) {
        return ROOT.resolve(module).resolve("target/classes/META-INF/jkube/kubernetes.yml");
    }

    /** The chassis templates as rendered for the module, which JKube reads instead of src/main/jkube. */
    static Path renderedFragments(String module) {
        return ROOT.resolve(module).resolve("target/jkube-fragments");
    }

    static Path helmChart(String module) {
        return ROOT.resolve(module).resolve("target/jkube/helm").resolve(module).resolve("kubernetes");
    }

    static List<Path> clusterManifestFiles() {
        try (Stream<Path> files = Files.walk(CLUSTER_MANIFESTS)) {
            return files.filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + " (run the whole build: ./mvnw verify)", e);
        }
    }
}
