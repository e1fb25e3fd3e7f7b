package org.opendsr.kit.messaging;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Hands an event's data, already parsed (and schema-checked) as a Jackson tree, to Micronaut Serialization as its own
 * tree, so that the payload record is bound from the tree instead of from the text parsed a second time. The schema
 * validator works on Jackson trees and the payload records are {@code @Serdeable}; walking a small tree is far cheaper
 * than parsing the bytes again.
 */
public final class EventDataTree {

    private EventDataTree() {
    }

    public static io.micronaut.json.tree.JsonNode of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return io.micronaut.json.tree.JsonNode.nullNode();
        }
        if (node.isObject()) {
            Map<String, io.micronaut.json.tree.JsonNode> fields = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                fields.put(field.getKey(), of(field.getValue()));
            }
            return io.micronaut.json.tree.JsonNode.createObjectNode(fields);
        }
        if (node.isArray()) {
            List<io.micronaut.json.tree.JsonNode> items = new ArrayList<>(node.size());
            for (JsonNode item : node) {
                items.add(of(item));
            }
            return io.micronaut.json.tree.JsonNode.createArrayNode(items);
        }
        if (node.isTextual()) {
            return io.micronaut.json.tree.JsonNode.createStringNode(node.textValue());
        }
        if (node.isBoolean()) {
            return io.micronaut.json.tree.JsonNode.createBooleanNode(node.booleanValue());
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? io.micronaut.json.tree.JsonNode.createNumberNode(node.longValue())
                    : io.micronaut.json.tree.JsonNode.createNumberNode(node.bigIntegerValue());
        }
        if (node.isNumber()) {
            return io.micronaut.json.tree.JsonNode.createNumberNode(node.decimalValue());
        }
        // Binary and POJO nodes do not come out of a parser; text is the faithful rendering of anything else.
        return io.micronaut.json.tree.JsonNode.createStringNode(node.asText());
    }
}
