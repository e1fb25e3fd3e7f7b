package org.opendsr.reporting.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.opendsr.contracts.EventCatalogue;
import org.opendsr.contracts.EventTypes;
import org.opendsr.kit.messaging.CloudEventCodec;
import org.opendsr.testkit.RealKafka;

/**
 * Contract-valid events of every type the store applies, as their publishers write them: each type's golden sample
 * (event-contracts) with the person's id, fresh ids for everything else, and any change a test makes; published to
 * the type's topic on the real broker, keyed by personId.
 */
final class StoreEvents implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every type the store applies, in an order that makes sense for one person. */
    static final List<String> EVERY_TYPE = List.of(
            EventTypes.REFERRAL_RECEIVED_V1, EventTypes.REFERRAL_ACCEPTED_V1, EventTypes.REFERRAL_DECLINED_V1,
            EventTypes.REFERRAL_WITHDRAWN_V1, EventTypes.REFERRAL_CONTACTED_V1, EventTypes.PERSON_MOVED_V1,
            EventTypes.PERSON_TURNED_18_V1, EventTypes.PERSON_ADMISSION_REPORTED_V1,
            EventTypes.PERSON_DISCHARGE_REPORTED_V1, EventTypes.PERSON_KEYWORKER_REFERRAL_SUGGESTED_V1,
            EventTypes.REGISTER_PERSON_REMOVED_V1,
            EventTypes.CONSENT_RECORDED_V1, EventTypes.CONSENT_OVERDUE_V1, EventTypes.CONSENT_LAPSED_V1,
            EventTypes.CONSENT_WITHDRAWN_V1,
            EventTypes.RISK_RATING_CHANGED_V1, EventTypes.RISK_UPDATE_POSTED_V1, EventTypes.RISK_OBLIGATION_DUE_V1,
            EventTypes.RISK_OBLIGATION_COMPLETED_V1,
            EventTypes.MEETING_RECOMMENDATION_MADE_V1, EventTypes.MEETING_RECOMMENDATION_MET_V1,
            EventTypes.MEETING_RECOMMENDATION_UNMET_V1);

    /** One event, ready to publish. */
    record Event(String id, String type, String topic, UUID personId, byte[] value) {
    }

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.get().bootstrapServers(),
            ProducerConfig.LINGER_MS_CONFIG, 5,
            ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024), new StringSerializer(), new ByteArraySerializer());

    static Event of(String type, UUID personId) {
        return of(type, personId, Instant.now(), data -> { });
    }

    static Event of(String type, UUID personId, Instant time, Consumer<ObjectNode> changes) {
        ObjectNode data = (ObjectNode) sample(type).get("data").deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> fields = data.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().endsWith("Id") && field.getValue().isTextual()) {
                field.setValue(JSON.getNodeFactory().textNode(UUID.randomUUID().toString()));
            }
        }
        data.put("personId", personId.toString());
        changes.accept(data);
        String id = UUID.randomUUID().toString();
        try {
            byte[] value = CloudEventCodec.write(new CloudEventCodec.OutgoingEvent(id, type, personId.toString(), time,
                    JSON.writeValueAsBytes(data), null));
            return new Event(id, type, EventCatalogue.of(type).topic(), personId, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One of every type for the person. */
    static List<Event> everyTypeFor(UUID personId) {
        List<Event> events = new ArrayList<>();
        EVERY_TYPE.forEach(type -> events.add(of(type, personId)));
        return events;
    }

    void publish(List<Event> events) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (Event event : events) {
            sent.add(producer.send(new ProducerRecord<>(event.topic(), event.personId().toString(), event.value())));
            if (sent.size() >= 10_000) {
                waitFor(sent);
            }
        }
        waitFor(sent);
    }

    private void waitFor(List<Future<RecordMetadata>> sent) {
        producer.flush();
        for (Future<RecordMetadata> future : sent) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        sent.clear();
    }

    void publishRaw(String topic, String key, byte[] value) {
        publish(List.of(new Event("raw", "raw", topic, UUID.nameUUIDFromBytes(key.getBytes()), value)));
    }

    private static final Map<String, JsonNode> SAMPLES = new java.util.concurrent.ConcurrentHashMap<>();

    static JsonNode sample(String type) {
        return SAMPLES.computeIfAbsent(type, StoreEvents::readSample);
    }

    private static JsonNode readSample(String type) {
        try (InputStream in = StoreEvents.class.getClassLoader().getResourceAsStream("dsr/samples/" + type + ".json")) {
            if (in == null) {
                throw new IllegalStateException("no golden sample for " + type);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
