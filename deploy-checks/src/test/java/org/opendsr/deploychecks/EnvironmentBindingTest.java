package org.opendsr.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Every DSR_* environment variable the Kubernetes manifests or docker-compose.yml give a module names a property
 * its configuration or code reads, so a misspelt or forgotten variable fails the build instead of being silently
 * ignored. Micronaut maps DSR_A_B to dsr.a.b and dsr.a-b alike, so names are compared without '.', '-' and '_'.
 * Known properties: the keys of the module's application*.yml and the kits' defaults, and the properties its code
 * and the kits' code name (${...}, @Requires(property = ...), @ConfigurationProperties prefixes).
 */
class EnvironmentBindingTest {

    static List<String> deployedModules() {
        return Repository.deployedModules();
    }

    @ParameterizedTest
    @MethodSource("deployedModules")
    void everyDsrVariableOfItsManifestIsReadByItsConfigurationOrCode(String module) {
        Set<String> variables = new TreeSet<>();
        JsonNode data = Manifests.find(Manifests.read(Repository.generatedManifest(module)), "ConfigMap", module)
                .orElseThrow().node().path("data");
        data.fieldNames().forEachRemaining(variables::add);
        Container container = GeneratedManifestsTest.deployment(module).getSpec().getTemplate().getSpec()
                .getContainers().get(0);
        container.getEnv().stream().map(EnvVar::getName).forEach(variables::add);
        assertBound(module, variables, "its Kubernetes manifest");
    }

    @Test
    void everyDsrVariableOfTheComposeFileIsReadByItsServicesConfigurationOrCode() {
        Map<String, Object> compose = new Yaml().load(Repository.read(Repository.ROOT.resolve("docker-compose.yml")));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        List<String> checked = new ArrayList<>();
        services.forEach((name, service) -> {
            if (!deployedModules().contains(name)) {
                return; // postgres, kafka: their variables are read by their images and our init scripts
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> environment = (Map<String, Object>) service.get("environment");
            assertBound(name, new TreeSet<>(environment.keySet()), "docker-compose.yml");
            checked.add(name);
        });
        assertThat(checked).containsExactlyInAnyOrderElementsOf(deployedModules());
    }

    @Test
    void aVariableNoPropertyReadsIsCaught() {
        Set<String> known = knownProperties("reporting-service");
        assertThat(bound("DSR_REPORTING_PSEUDONYMISATION_KEY", known)).isTrue();
        assertThat(bound("DSR_REPORTING_PSEUDONYMISATION_PEPPER", known)).isFalse();
        assertThat(bound("DSR_REFERRAL_ACCEPT_TEST_NHS_NUMBER", knownProperties("referral-service"))).isFalse();
        assertThat(bound("DSR_REFERRAL_ACCEPT_TEST_NHS_NUMBERS", knownProperties("referral-service"))).isTrue();
    }

    private static void assertBound(String module, Set<String> variables, String where) {
        Set<String> known = knownProperties(module);
        for (String variable : variables) {
            if (variable.startsWith("DSR_")) {
                assertThat(bound(variable, known)).as(variable + " in " + where + " for " + module
                        + " names no property its configuration or code reads").isTrue();
            }
        }
    }

    private static boolean bound(String variable, Set<String> known) {
        String name = normalise(variable);
        return known.stream().anyMatch(name::matches);
    }

    private static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[._-]", "");
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9.\\-]+)");
    private static final Pattern REQUIRES = Pattern.compile("@Requires\\s*\\([^)]*property\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern CONFIGURATION = Pattern.compile(
            "@(?:ConfigurationProperties|EachProperty)\\s*\\(\\s*(?:value\\s*=\\s*)?\"([^\"]+)\"");

    private static final Pattern SETTER = Pattern.compile("\\bset([A-Z][A-Za-z0-9]*)\\s*\\(");

    /** Regular expressions over normalised property names. */
    static Set<String> knownProperties(String module) {
        Set<String> known = new TreeSet<>();
        List<Path> roots = List.of(Repository.ROOT.resolve(module), Repository.ROOT.resolve("http-kit"),
                Repository.ROOT.resolve("service-kit"));
        for (Path root : roots) {
            for (Path file : files(root.resolve("src/main/resources"), ".yml")) {
                Object yaml = new Yaml().load(Repository.read(file));
                flatten(yaml, "", known);
            }
            for (Path source : files(root.resolve("src/main/java"), ".java")) {
                String code = Repository.read(source);
                for (Pattern pattern : List.of(PLACEHOLDER, REQUIRES)) {
                    Matcher matcher = pattern.matcher(code);
                    while (matcher.find()) {
                        known.add(Pattern.quote(normalise(matcher.group(1))));
                    }
                }
                // A configuration class binds its prefix plus each property it has a setter for; @EachProperty has
                // a name of the operator's choosing in between (dsr.gateway.services.<name>.url).
                Matcher configuration = CONFIGURATION.matcher(code);
                while (configuration.find()) {
                    List<String> setters = new ArrayList<>();
                    Matcher setter = SETTER.matcher(code);
                    while (setter.find()) {
                        setters.add(Pattern.quote(normalise(setter.group(1))));
                    }
                    String each = configuration.group(0).contains("EachProperty") ? ".+" : "";
                    if (!setters.isEmpty()) {
                        known.add(Pattern.quote(normalise(configuration.group(1))) + each
                                + "(" + String.join("|", setters) + ")");
                    }
                }
            }
        }
        return known;
    }

    private static void flatten(Object node, String prefix, Set<String> known) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(value, prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, known));
        } else if (!prefix.isEmpty()) {
            known.add(Pattern.quote(normalise(prefix)));
        }
    }

    private static List<Path> files(Path root, String suffix) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
