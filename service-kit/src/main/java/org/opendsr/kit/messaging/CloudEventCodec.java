package org.opendsr.kit.messaging;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import org.opendsr.contracts.EventCatalogue;
import org.opendsr.contracts.EventContract;
import org.opendsr.contracts.EventSchemas;
import org.opendsr.kit.observability.CorrelationId;
import org.opendsr.kit.observability.TraceContext;

/**
 * Writes and reads DSR events in CloudEvents 1.0 structured JSON mode with the CloudEvents SDK, and checks them
 * against the published schemas. Everything that can make an event unreadable is reported as an
 * {@link UnprocessableEvent} with a reason that names the problem but never quotes the data.
 */
public final class CloudEventCodec {

    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;

    private static final EventFormat FORMAT = new JsonFormat();
    private static final ObjectMapper JSON = new ObjectMapper();

    private CloudEventCodec() {
    }

    /**
     * An event as it is written from an outbox row. {@code trace} (nullable) is written as the CloudEvents
     * distributed-tracing extension ({@code traceparent}, {@code tracestate}).
     */
    public record OutgoingEvent(String id, String type, String subject, Instant time, byte[] data, String correlationId,
                                TraceContext trace) {

        public OutgoingEvent(String id, String type, String subject, Instant time, byte[] data, String correlationId) {
            this(id, type, subject, time, data, correlationId, null);
        }
    }

    public static byte[] write(OutgoingEvent event) {
        EventContract contract = EventCatalogue.of(event.type());
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(event.id())
                .withSource(URI.create(contract.source()))
                .withType(event.type())
                .withSubject(event.subject())
                .withTime(OffsetDateTime.ofInstant(event.time(), ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withDataSchema(contract.dataSchema())
                .withData(event.data());
        if (event.correlationId() != null) {
            builder.withExtension(CorrelationId.CLOUDEVENT_EXTENSION, event.correlationId());
        }
        if (event.trace() != null) {
            builder.withExtension(TraceContext.TRACEPARENT, event.trace().traceparent());
            if (event.trace().tracestate() != null) {
                builder.withExtension(TraceContext.TRACESTATE, event.trace().tracestate());
            }
        }
        return FORMAT.serialize(builder.build());
    }

    /**
     * Reads a record value: structured CloudEvent, valid envelope, known type with data valid against its schema.
     * Unknown types are returned with a null contract so consumers can skip them (forward compatibility).
     *
     * <p>The value is parsed once, into a tree: the envelope and the data are checked on that tree, the attributes are
     * read from it, and the data goes to the consumer as a tree to be mapped to its payload record. (Parsing it again
     * with the CloudEvents SDK and once more for the payload cost two extra parses per event; the envelope schema
     * already checks everything the SDK would.)
     */
    public static ReceivedCloudEvent read(byte[] value) {
        if (value == null || value.length == 0) {
            throw new UnprocessableEvent(UnprocessableEvent.Reason.NOT_A_CLOUD_EVENT, "the record has no value");
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(value);
        } catch (Exception e) {
            throw new UnprocessableEvent(UnprocessableEvent.Reason.NOT_A_CLOUD_EVENT, "the record value is not JSON");
        }
        if (tree == null || !tree.isObject()) {
            throw new UnprocessableEvent(UnprocessableEvent.Reason.NOT_A_CLOUD_EVENT, "the record value is not a JSON object");
        }
        List<String> envelopeProblems = EventSchemas.envelopeProblems(tree);
        if (!envelopeProblems.isEmpty()) {
            throw new UnprocessableEvent(UnprocessableEvent.Reason.INVALID_ENVELOPE,
                    "the CloudEvent envelope is invalid: " + String.join("; ", envelopeProblems));
        }
        String type = tree.get("type").asText();
        EventContract contract = EventCatalogue.byType(type).orElse(null);
        JsonNode data = tree.get("data");
        if (contract != null) {
            List<String> dataProblems = EventSchemas.dataProblems(contract, data);
            if (!dataProblems.isEmpty()) {
                throw new UnprocessableEvent(UnprocessableEvent.Reason.SCHEMA_VIOLATION,
                        "data does not match " + contract.dataSchema() + ": " + String.join("; ", dataProblems));
            }
        }
        String traceparent = text(tree, TraceContext.TRACEPARENT);
        return new ReceivedCloudEvent(
                tree.get("id").asText(),
                type,
                tree.get("source").asText(),
                text(tree, "subject"),
                time(tree.get("time").asText()),
                text(tree, CorrelationId.CLOUDEVENT_EXTENSION),
                data,
                contract,
                traceparent == null ? null : new TraceContext(traceparent, text(tree, TraceContext.TRACESTATE)));
    }

    private static String text(JsonNode tree, String attribute) {
        JsonNode node = tree.get(attribute);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static Instant time(String time) {
        try {
            return OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            throw new UnprocessableEvent(UnprocessableEvent.Reason.INVALID_ENVELOPE,
                    "the CloudEvent envelope is invalid: time is not an RFC 3339 date-time");
        }
    }

    /** A CloudEvent read from a topic, before its data is mapped to the payload record. */
    public record ReceivedCloudEvent(String id, String type, String source, String subject, Instant time,
                                     String correlationId, JsonNode data, EventContract contract, TraceContext trace) {
    }
}
