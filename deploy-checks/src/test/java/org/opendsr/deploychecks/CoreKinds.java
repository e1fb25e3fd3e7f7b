package org.opendsr.deploychecks;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Reads a core Kubernetes resource strictly with the fabric8 model: the kind must be one Kubernetes knows, every
 * value must have its field's type, and no field may be unknown. (The model keeps unknown fields aside instead of
 * failing, and the API server would drop them silently, so a misspelt field would otherwise never be noticed.)
 */
final class CoreKinds {

    /** The API groups whose kinds the fabric8 model describes and this project uses. */
    static final Set<String> CORE_API_VERSIONS = Set.of("v1", "apps/v1", "policy/v1", "networking.k8s.io/v1");

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private CoreKinds() {
    }

    static boolean isCoreKind(Manifests.Resource resource) {
        return CORE_API_VERSIONS.contains(resource.apiVersion());
    }

    static HasMetadata typed(Manifests.Resource resource) {
        return (HasMetadata) SERIALIZATION.convertValue(resource.node(), KubernetesResource.class);
    }

    /** Problems with one resource; empty when it is a valid, fully known core resource. */
    static List<String> problems(Manifests.Resource resource) {
        List<String> problems = new ArrayList<>();
        if (resource.apiVersion().isBlank() || resource.kind().isBlank()) {
            problems.add(resource + ": apiVersion and kind are required");
            return problems;
        }
        if (resource.name().isBlank()) {
            problems.add(resource + ": metadata.name is required");
        } else if (!resource.name().matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?") || resource.name().length() > 253) {
            problems.add(resource + ": metadata.name is not a valid Kubernetes name");
        }
        Object typed;
        try {
            typed = SERIALIZATION.convertValue(resource.node(), KubernetesResource.class);
        } catch (RuntimeException e) {
            problems.add(resource + ": does not match the Kubernetes model: " + e.getMessage());
            return problems;
        }
        if (typed == null || typed instanceof GenericKubernetesResource) {
            problems.add(resource + ": " + resource.apiVersion() + " " + resource.kind() + " is not a Kubernetes kind");
            return problems;
        }
        collectUnknownFields(typed, resource.kind(), problems, new IdentityHashMap<>(), resource);
        return problems;
    }

    /** Walks the typed model; anything the model could not place is in some object's additionalProperties. */
    private static void collectUnknownFields(Object value, String path, List<String> problems,
                                             Map<Object, Boolean> seen, Manifests.Resource resource) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                collectUnknownFields(item, path + "[" + index++ + "]", problems, seen, resource);
            }
            return;
        }
        if (value instanceof Map<?, ?> entries) {
            entries.forEach((key, item) -> collectUnknownFields(item, path + "." + key, problems, seen, resource));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Class<?> type = value.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                Object fieldValue;
                try {
                    fieldValue = field.get(value);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
                if (field.getName().equals("additionalProperties") && fieldValue instanceof Map<?, ?> unknown) {
                    unknown.keySet().forEach(key -> problems.add(resource + ": unknown field " + path + "." + key));
                } else {
                    collectUnknownFields(fieldValue, path + "." + field.getName(), problems, seen, resource);
                }
            }
        }
    }
}
