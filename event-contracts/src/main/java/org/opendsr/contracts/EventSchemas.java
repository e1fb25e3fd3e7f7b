package org.opendsr.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Validates events against the published JSON Schemas: the envelope every DSR CloudEvent shares and the
 * schema of each type's {@code data}. Producers' tests and every consumer use the same schemas, so what is
 * checked is what agency systems are told (AsyncAPI document).
 */
public final class EventSchemas {

    public static final String ENVELOPE_SCHEMA = "dsr/schemas/cloudevent-envelope.schema.json";

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** Problems with a structured-mode CloudEvent envelope; empty when it is valid. */
    public static List<String> envelopeProblems(JsonNode cloudEvent) {
        return problems(ENVELOPE_SCHEMA, cloudEvent);
    }

    /** Problems with an event's {@code data} against its type's schema; empty when it is valid. */
    public static List<String> dataProblems(EventContract contract, JsonNode data) {
        return problems(contract.schemaResource(), data);
    }

    private static List<String> problems(String schemaResource, JsonNode node) {
        JsonSchema schema = SCHEMAS.computeIfAbsent(schemaResource, EventSchemas::load);
        return schema.validate(node).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
    }

    private static JsonSchema load(String resource) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing schema resource " + resource);
            }
            return FACTORY.getSchema(in, CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
