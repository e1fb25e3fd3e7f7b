package org.opendsr.deploychecks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Kubernetes YAML as JSON trees: multi-document files and {@code kind: List} unwrapped into their resources. */
final class Manifests {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Manifests() {
    }

    /** A resource and where it came from, for messages that point at the file. */
    record Resource(String origin, JsonNode node) {
        String kind() {
            return node.path("kind").asText();
        }

        String apiVersion() {
            return node.path("apiVersion").asText();
        }

        String name() {
            return node.path("metadata").path("name").asText();
        }

        @Override
        public String toString() {
            return kind() + "/" + name() + " in " + origin;
        }
    }

    static List<Resource> read(Path file) {
        return parse(Repository.read(file), Repository.ROOT.relativize(file).toString());
    }

    static List<Resource> parse(String yaml, String origin) {
        List<Resource> resources = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document == null || document.isNull() || document.isMissingNode() || document.isEmpty()) {
                    continue;
                }
                if ("List".equals(document.path("kind").asText())) {
                    document.path("items").forEach(item -> resources.add(new Resource(origin, item)));
                } else {
                    resources.add(new Resource(origin, document));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Not valid YAML: " + origin, e);
        }
        return resources;
    }

    static Optional<Resource> find(List<Resource> resources, String kind, String name) {
        return resources.stream().filter(r -> r.kind().equals(kind) && r.name().equals(name)).findFirst();
    }

    static List<Resource> ofKind(List<Resource> resources, String kind) {
        return resources.stream().filter(r -> r.kind().equals(kind)).toList();
    }

    static List<Resource> allClusterResources() {
        List<Resource> all = new ArrayList<>();
        Repository.clusterManifestFiles().forEach(file -> all.addAll(read(file)));
        return all;
    }
}
