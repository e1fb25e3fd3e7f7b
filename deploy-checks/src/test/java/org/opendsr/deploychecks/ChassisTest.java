package org.opendsr.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Every deployed module is built from the chassis (chassis/): its Kubernetes resources come from the one set of
 * templates in chassis/jkube rendered with the module's own values (pom properties dsr.chassis.without and
 * dsr.service.config, see the root pom), and its image from chassis/Dockerfile. No module keeps a copy of its own.
 */
class ChassisTest {

    private static final Path TEMPLATES = Repository.CHASSIS.resolve("jkube");
    /** The environment JKube's enrichers add to every container (downward API), not from the templates. */
    private static final List<String> ADDED_BY_JKUBE = List.of("KUBERNETES_NAMESPACE", "HOSTNAME");

    /** Modules with a main method that is not a service's: the kit's, the launchers', the benchmark's, and this. */
    private static final List<String> STARTED_OTHERWISE =
            List.of("http-kit", "local-run", "embedded-servers", "benchmarks", "deploy-checks");
    private static final Pattern MAIN_METHOD = Pattern.compile("static\\s+void\\s+main\\s*\\(");

    static List<String> deployedModules() {
        return Repository.deployedModules();
    }

    @Test
    void noModuleHasJKubeFragmentsOrADockerfileOfItsOwn() throws IOException {
        List<String> copies = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(Repository.ROOT)) {
            dirs.filter(Files::isDirectory).forEach(dir -> {
                if (hasFiles(dir.resolve("src/main/jkube"))) {
                    copies.add(Repository.ROOT.relativize(dir.resolve("src/main/jkube")).toString());
                }
                for (String imageFile : List.of("Dockerfile", ".dockerignore")) {
                    if (!dir.equals(Repository.CHASSIS) && Files.exists(dir.resolve(imageFile))) {
                        copies.add(Repository.ROOT.relativize(dir.resolve(imageFile)).toString());
                    }
                }
            });
        }
        assertThat(copies).as("the chassis holds the only templates and image definition").isEmpty();
        assertThat(Repository.CHASSIS.resolve("Dockerfile")).exists();
        assertThat(templates()).contains("deployment.yml", "service.yml", "configmap.yml", "pdb.yml", "values.helm.yaml");
    }

    /**
     * Nor a start-up skeleton: no module has a main method (the kit's DsrApplication starts them all), a test of its
     * own that it starts healthy (the test kit's ServiceStartsHealthyTest runs in each), or an OpenAPI head of its
     * own, except the gateway, whose API is not a service's behind /api (chassis/java renders the services' one).
     */
    @Test
    void noModuleHasAMainClassAStartUpTestOrAnApiHeadOfItsOwn() throws IOException {
        List<String> copies = new ArrayList<>();
        for (Path file : moduleSources()) {
            String where = Repository.ROOT.relativize(file).toString();
            String module = where.substring(0, where.indexOf('/'));
            String source = Repository.read(file);
            if (!STARTED_OTHERWISE.contains(module) && MAIN_METHOD.matcher(source).find()) {
                copies.add(where + " (main method)");
            }
            if (!module.equals("test-kit") && file.getFileName().toString().endsWith("StartsHealthyTest.java")) {
                copies.add(where + " (start-up test)");
            }
            if (!module.equals("gateway") && source.contains("@" + "OpenAPIDefinition")) {
                copies.add(where + " (OpenAPI head)");
            }
        }
        assertThat(copies).as("the chassis and the kits hold these once").isEmpty();
        assertThat(Repository.CHASSIS.resolve("java/ServiceApiDescription.java")).exists();
    }

    /** Every module's Java sources, main and test. */
    private static List<Path> moduleSources() throws IOException {
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> modules = Files.list(Repository.ROOT)) {
            for (Path module : modules.filter(dir -> Files.exists(dir.resolve("pom.xml"))).toList()) {
                for (String root : List.of("src/main/java", "src/test/java")) {
                    if (Files.isDirectory(module.resolve(root))) {
                        try (Stream<Path> files = Files.walk(module.resolve(root))) {
                            files.filter(file -> file.toString().endsWith(".java")).forEach(sources::add);
                        }
                    }
                }
            }
        }
        return sources;
    }

    /** What JKube read for the module is the chassis templates rendered with the module's values, nothing else. */
    @ParameterizedTest
    @MethodSource("deployedModules")
    void itsFragmentsAreTheChassisTemplatesRenderedWithItsOwnValues(String module) {
        Path rendered = Repository.renderedFragments(module);
        assertThat(rendered).as("rendered in generate-resources: ./mvnw -DskipTests package").isDirectory();
        assertThat(list(rendered)).containsExactlyInAnyOrderElementsOf(templates());
        for (String template : templates()) {
            assertThat(Repository.read(rendered.resolve(template))).as(module + " " + template)
                    .isEqualTo(render(Repository.read(TEMPLATES.resolve(template)), module));
        }
    }

    /**
     * And what JKube generated holds exactly what the rendered templates hold: the ConfigMap's entries in their order,
     * the container's environment and volumes (so a module left out of a block really has none of it).
     */
    @ParameterizedTest
    @MethodSource("deployedModules")
    void itsGeneratedResourcesHoldWhatTheRenderedTemplatesHold(String module) {
        List<Manifests.Resource> generated = Manifests.read(Repository.generatedManifest(module));
        JsonNode configMap = Manifests.find(generated, "ConfigMap", module).orElseThrow().node();
        JsonNode renderedConfigMap = parse(module, "configmap.yml");
        assertThat(fieldNames(configMap.path("data"))).isEqualTo(fieldNames(renderedConfigMap.path("data")));

        JsonNode pod = Manifests.find(generated, "Deployment", module).orElseThrow().node().path("spec").path("template");
        JsonNode renderedPod = parse(module, "deployment.yml").path("spec").path("template");
        List<String> environment = names(pod.path("spec").path("containers").get(0).path("env"));
        environment.removeAll(ADDED_BY_JKUBE);
        assertThat(environment).isEqualTo(names(renderedPod.path("spec").path("containers").get(0).path("env")));
        assertThat(names(pod.path("spec").path("volumes")))
                .isEqualTo(names(renderedPod.path("spec").path("volumes")));
        assertThat(names(pod.path("spec").path("containers").get(0).path("volumeMounts")))
                .isEqualTo(names(renderedPod.path("spec").path("containers").get(0).path("volumeMounts")));
    }

    /**
     * The modules with a database and Kafka have all of the chassis; the gateway is without the database block (it has
     * Kafka only to publish its access records).
     */
    @ParameterizedTest
    @MethodSource("deployedModules")
    void onlyTheGatewayLeavesBlocksOut(String module) {
        String without = pomProperty(module, "dsr.chassis.without", "none");
        assertThat(without).isEqualTo(module.equals("gateway") ? "database" : "none");
    }

    /** The same rendering as the root pom's antrun execution chassis-fragments. */
    static String render(String template, String module) {
        String without = pomProperty(module, "dsr.chassis.without", "none");
        String withoutBlocks = Pattern.compile("^[ ]*# \\[(" + without + ")\\][ ]*\\n.*?^[ ]*# \\[/\\1\\][ ]*\\n",
                Pattern.MULTILINE | Pattern.DOTALL).matcher(template).replaceAll("");
        List<String> entries = pomProperty(module, "dsr.service.config", "").lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> "  " + line)
                .toList();
        String withConfig = Pattern.compile("^[ ]*# \\[service-config\\][ ]*$", Pattern.MULTILINE).matcher(withoutBlocks)
                .replaceAll(Matcher.quoteReplacement(String.join("\n", entries)));
        // Each "NAME: secret-name/key" of dsr.service.secrets, an env entry with a secretKeyRef.
        List<String> secrets = pomProperty(module, "dsr.service.secrets", "").lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.replaceAll("^([A-Z0-9_]+)\\s*:\\s*([a-z0-9.-]+)/(\\S+)$",
                        "            - name: $1\n              valueFrom:\n                secretKeyRef:\n"
                                + "                  name: $2\n                  key: $3"))
                .toList();
        return Pattern.compile("^[ ]*# \\[service-secrets\\][ ]*$", Pattern.MULTILINE).matcher(withConfig)
                .replaceAll(Matcher.quoteReplacement(String.join("\n", secrets)));
    }

    private static JsonNode parse(String module, String template) {
        return Manifests.parse(Repository.read(Repository.renderedFragments(module).resolve(template)), template)
                .get(0).node();
    }

    private static String pomProperty(String module, String name, String byDefault) {
        try {
            Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(Repository.ROOT.resolve(module).resolve("pom.xml").toFile());
            NodeList found = pom.getElementsByTagName(name);
            return found.getLength() == 0 ? byDefault : found.item(0).getTextContent().strip();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + module + "/pom.xml", e);
        }
    }

    private static boolean hasFiles(Path dir) {
        return Files.isDirectory(dir) && !list(dir).isEmpty();
    }

    private static List<String> templates() {
        return list(TEMPLATES);
    }

    private static List<String> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(item -> names.add(item.path("name").asText()));
        return names;
    }
}
