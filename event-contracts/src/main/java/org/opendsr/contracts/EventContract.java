package org.opendsr.contracts;

import java.net.URI;
import java.util.Objects;

/**
 * Everything a producer and a consumer agree on for one event type and version.
 *
 * @param type        the CloudEvents type, e.g. {@code dsr.referral.received.v1}
 * @param topic       the topic it is published on
 * @param source      the CloudEvents source of its only publisher
 * @param payloadType the record its {@code data} maps to
 */
public record EventContract(String type, String topic, String source, Class<?> payloadType) {

    public EventContract {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(payloadType, "payloadType");
    }

    /** Classpath location of the JSON Schema of this event's {@code data}. */
    public String schemaResource() {
        return "dsr/schemas/" + type + ".schema.json";
    }

    /** Classpath location of the golden sample: a whole structured-mode CloudEvent of this type. */
    public String sampleResource() {
        return "dsr/samples/" + type + ".json";
    }

    /** The CloudEvents {@code dataschema} attribute: a stable URN naming the schema above. */
    public URI dataSchema() {
        return URI.create("urn:dsr:schema:" + type);
    }
}
