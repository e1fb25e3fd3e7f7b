package org.opendsr.deploychecks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Validates custom resources (Strimzi, CloudNativePG) against the openAPIV3Schema of the operators' CRDs copied into
 * deploy/crds. Stricter than the API server in one way on purpose: a field the schema does not know is an error
 * (the API server would prune it silently, so "partitons: 6" would quietly become the default).
 */
final class CustomResourceSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    /** "group/version Kind" to its schema. */
    private final Map<String, JsonSchema> schemas = new HashMap<>();

    CustomResourceSchemas(Path crdDirectory) {
        try (Stream<Path> files = Files.walk(crdDirectory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                for (Manifests.Resource crd : Manifests.read(file)) {
                    if (!crd.kind().equals("CustomResourceDefinition")) {
                        continue;
                    }
                    String group = crd.node().path("spec").path("group").asText();
                    String kind = crd.node().path("spec").path("names").path("kind").asText();
                    for (JsonNode version : crd.node().path("spec").path("versions")) {
                        if (!version.path("served").asBoolean()) {
                            continue;
                        }
                        JsonNode schema = version.path("schema").path("openAPIV3Schema").deepCopy();
                        closeObjects(schema);
                        schemas.put(group + "/" + version.path("name").asText() + " " + kind, FACTORY.getSchema(schema));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean knows(Manifests.Resource resource) {
        return schemas.containsKey(key(resource));
    }

    int size() {
        return schemas.size();
    }

    List<String> problems(Manifests.Resource resource) {
        List<String> problems = new ArrayList<>();
        JsonSchema schema = schemas.get(key(resource));
        if (schema == null) {
            problems.add(resource + ": no CRD in deploy/crds defines " + key(resource));
            return problems;
        }
        for (ValidationMessage message : schema.validate(resource.node())) {
            problems.add(resource + ": " + message.getMessage());
        }
        if (!resource.name().matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?")) {
            problems.add(resource + ": metadata.name is not a valid Kubernetes name");
        }
        // The CRD schema leaves metadata open; read it strictly as the core ObjectMeta it is.
        ObjectNode asConfigMap = Manifests.YAML.createObjectNode();
        asConfigMap.put("apiVersion", "v1").put("kind", "ConfigMap").set("metadata", resource.node().path("metadata"));
        CoreKinds.problems(new Manifests.Resource(resource.origin(), asConfigMap)).stream()
                .map(problem -> problem.replace("ConfigMap/", resource.kind() + "/"))
                .forEach(problems::add);
        return problems;
    }

    private static String key(Manifests.Resource resource) {
        return resource.apiVersion() + " " + resource.kind();
    }

    /** Every object schema that lists its properties and does not preserve unknown fields admits no others. */
    private static void closeObjects(JsonNode schema) {
        if (!(schema instanceof ObjectNode object)) {
            return;
        }
        if (object.has("properties") && !object.has("additionalProperties")
                && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            object.put("additionalProperties", false);
        }
        object.path("properties").forEach(CustomResourceSchemas::closeObjects);
        closeObjects(object.get("items"));
        closeObjects(object.get("additionalProperties"));
        // allOf/anyOf/oneOf branches of a structural schema only add constraints to the fields defined above them;
        // closing a branch would reject the sibling fields, so they are left as they are.
    }
}
