package org.opendsr.kit.deadletters;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What is left of an agency inbound dead letter once its personal data is removed: the CloudEvent envelope's
 * identifying attributes (id, type, source, spec version, time, data schema), enough to say what it was and to ask its
 * agency to send it again; never its {@code data} (names, NHS numbers, dates of birth, addresses) nor its
 * {@code subject} (an agency's own reference for the person). A value that is not a JSON object keeps nothing.
 */
public final class PersonalDataRedaction {

    /** The envelope attributes kept: none of them is about the person. */
    static final List<String> KEPT = List.of("specversion", "id", "type", "source", "time", "dataschema",
            "datacontenttype");

    private static final ObjectMapper JSON = new ObjectMapper();

    private PersonalDataRedaction() {
    }

    /** The redacted value: a JSON object with the kept attributes only, or null when nothing can be kept. */
    public static byte[] envelopeOnly(byte[] value) {
        if (value == null) {
            return null;
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(value);
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
        if (tree == null || !tree.isObject()) {
            return null;
        }
        ObjectNode kept = JSON.createObjectNode();
        for (String attribute : KEPT) {
            JsonNode node = tree.get(attribute);
            // Only short text: an attribute an agency filled with something else is not an envelope attribute.
            if (node != null && node.isTextual() && node.asText().length() <= 200) {
                kept.put(attribute, node.asText());
            }
        }
        kept.put("dsrredacted", true);
        try {
            return JSON.writeValueAsBytes(kept);
        } catch (IOException e) {
            return null;
        }
    }
}
