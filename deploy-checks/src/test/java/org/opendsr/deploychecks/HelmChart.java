package org.opendsr.deploychecks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A chart that k8s:helm generated, and a renderer for the only template syntax JKube writes into it:
 * {@code {{ .Values.a.b }}} (optionally with {@code required "..."} or {@code | quote}). Anything else in a template
 * fails the check, so a richer chart has to be checked with Helm itself ({@code helm template}).
 */
record HelmChart(Path directory, JsonNode chart, JsonNode values, Map<String, String> templates) {

    private static final Pattern VALUE = Pattern.compile(
            "\\{\\{-?\\s*(?:required\\s+\"[^\"]*\"\\s+)?\\.Values\\.([A-Za-z0-9_.]+)\\s*(\\|\\s*quote\\s*)?-?}}");

    static HelmChart read(Path directory) {
        JsonNode chart = Manifests.parse(Repository.read(directory.resolve("Chart.yaml")), "Chart.yaml").get(0).node();
        JsonNode values = Manifests.parse(Repository.read(directory.resolve("values.yaml")), "values.yaml").get(0).node();
        Map<String, String> templates = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.list(directory.resolve("templates"))) {
            files.filter(f -> f.toString().endsWith(".yaml")).forEach(f -> templates.put(f.getFileName().toString(),
                    Repository.read(f)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new HelmChart(directory, chart, values, templates);
    }

    /** The values with some of them replaced, e.g. {@code "image" -> "registry.example/x:1"}. */
    JsonNode valuesWith(Map<String, String> overrides) {
        ObjectNode copy = values.deepCopy();
        overrides.forEach((path, value) -> {
            String[] keys = path.split("\\.");
            ObjectNode node = copy;
            for (int i = 0; i < keys.length - 1; i++) {
                node = node.has(keys[i]) ? (ObjectNode) node.get(keys[i]) : node.putObject(keys[i]);
            }
            node.put(keys[keys.length - 1], value);
        });
        return copy;
    }

    /** Every {@code .Values.x} the templates use, and whether each is {@code required}. */
    Map<String, Boolean> usedValues() {
        Map<String, Boolean> used = new java.util.TreeMap<>();
        templates.values().forEach(template -> {
            Matcher matcher = VALUE.matcher(template);
            while (matcher.find()) {
                used.merge(matcher.group(1), matcher.group(0).contains("required"), Boolean::logicalOr);
            }
        });
        return used;
    }

    /** The dotted paths of every plain value in values.yaml. */
    java.util.Set<String> definedValues() {
        java.util.Set<String> paths = new java.util.TreeSet<>();
        collect(values, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String prefix, java.util.Set<String> paths) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> collect(field.getValue(),
                    prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), paths));
        } else {
            paths.add(prefix);
        }
    }

    /** Renders every template with the given values, as Helm would for these simple templates. */
    List<Manifests.Resource> render(JsonNode withValues) {
        List<Manifests.Resource> resources = new ArrayList<>();
        templates.forEach((name, template) -> {
            Matcher matcher = VALUE.matcher(template);
            StringBuilder rendered = new StringBuilder();
            while (matcher.find()) {
                JsonNode value = withValues;
                for (String key : matcher.group(1).split("\\.")) {
                    value = value.path(key);
                }
                if (value.isMissingNode() || value.isNull() || value.isContainerNode()) {
                    throw new AssertionError(directory + "/templates/" + name + " uses .Values." + matcher.group(1)
                            + ", which values.yaml does not define as a plain value");
                }
                String text = matcher.group(2) == null ? value.asText()
                        : "\"" + value.asText().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
                matcher.appendReplacement(rendered, Matcher.quoteReplacement(text));
            }
            matcher.appendTail(rendered);
            if (rendered.indexOf("{{") >= 0) {
                throw new AssertionError(directory + "/templates/" + name
                        + " has template syntax this offline check does not render; check it with helm template");
            }
            resources.addAll(Manifests.parse(rendered.toString(), "chart " + chart.path("name").asText() + " " + name));
        });
        return resources;
    }
}
