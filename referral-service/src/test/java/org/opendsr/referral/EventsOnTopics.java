package org.opendsr.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.opendsr.contracts.EventCatalogue;
import org.opendsr.contracts.EventContract;
import org.opendsr.contracts.EventSchemas;
import org.opendsr.contracts.EventSources;
import org.opendsr.contracts.Topics;
import org.opendsr.kit.messaging.CloudEventCodec;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.RealKafka;
import org.opendsr.testkit.TopicReader;

/**
 * Events on the real broker, both ways: what consent-service and agency systems publish (built from the golden
 * samples of the contracts module, with the values a test needs), and what referral-service publishes (read back and
 * checked against the published schemas).
 */
public final class EventsOnTopics implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.get().bootstrapServers()),
            new StringSerializer(), new ByteArraySerializer());
    private final TopicReader referralEvents = TopicReader.fromBeginning(Topics.REFERRAL_EVENTS);

    // ---- publishing as other systems do ---------------------------------------------------------------------------

    /** A golden sample's whole CloudEvent, with a new id, ready to be changed. */
    public static ObjectNode goldenSample(String type) {
        String resource = EventCatalogue.of(type).sampleResource();
        try (InputStream in = EventsOnTopics.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            ObjectNode event = (ObjectNode) ApiClient.JSON.readTree(in);
            event.put("id", UUID.randomUUID().toString());
            event.put("time", Instant.now().toString());
            return event;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A golden sample with its data changed by the test. */
    public static ObjectNode goldenSample(String type, Consumer<ObjectNode> data) {
        ObjectNode event = goldenSample(type);
        data.accept((ObjectNode) event.get("data"));
        return event;
    }

    /** consent-service's event about a person: subject and key are the personId. */
    public void publishConsentEvent(ObjectNode event, String personId) {
        event.put("subject", personId);
        ((ObjectNode) event.get("data")).put("personId", personId);
        send(Topics.CONSENT_EVENTS, personId, bytes(event));
    }

    /**
     * The demo agency's event on its own topic ({@code dsr.agency.inbound.wiltshire-council}): keyed by the NHS
     * number, as the AsyncAPI document asks.
     */
    public void publishAgencyEvent(ObjectNode event, String nhsNumberKey) {
        publishAgencyEvent(AgencyTopics.WILTSHIRE_COUNCIL, event, nhsNumberKey);
    }

    /** An event on the given agency's own topic, whatever source it says it has. */
    public void publishAgencyEvent(String agencyId, ObjectNode event, String nhsNumberKey) {
        send(Topics.agencyInbound(agencyId), nhsNumberKey, bytes(event));
    }

    public void send(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not publish to " + topic, e);
        }
    }

    public static byte[] bytes(JsonNode event) {
        return event.toString().getBytes(StandardCharsets.UTF_8);
    }

    // ---- what referral-service published --------------------------------------------------------------------------

    /**
     * Waits for referral-service's event of the type about the person, checks it is a valid event of its contract
     * (envelope, data schema, source, subject, key), and returns its data.
     */
    public JsonNode awaitEvent(String type, String personId) {
        return json(awaitRecord(type, personId).value()).get("data");
    }

    /** As {@link #awaitEvent(String, String)}, for the event whose data matches (e.g. one change of several). */
    public JsonNode awaitEvent(String type, String personId, java.util.function.Predicate<JsonNode> data) {
        return json(awaitRecord(type, personId, data).value()).get("data");
    }

    public ConsumerRecord<String, String> awaitRecord(String type, String personId) {
        return awaitRecord(type, personId, data -> true);
    }

    public ConsumerRecord<String, String> awaitRecord(String type, String personId,
                                                      java.util.function.Predicate<JsonNode> data) {
        ConsumerRecord<String, String> record = referralEvents.awaitRecord(r -> personId.equals(r.key())
                && type.equals(json(r.value()).path("type").asText()) && data.test(json(r.value()).get("data")));
        assertIsValid(record, type, personId);
        return record;
    }

    /**
     * Every event about the person seen so far, of any type. Called after awaiting their latest event, it holds all of
     * theirs: a person's events share a key, so a partition, and arrive in order.
     */
    public java.util.List<ConsumerRecord<String, String>> everyEventAbout(String personId) {
        return referralEvents.awaitRecords(r -> personId.equals(r.key()), 1);
    }

    /** Every event of the type about the person seen within the time (to prove something was published once). */
    public java.util.List<ConsumerRecord<String, String>> eventsWithin(java.time.Duration duration, String type,
                                                                       String personId) {
        return referralEvents.readFor(duration, r -> personId.equals(r.key())
                && type.equals(json(r.value()).path("type").asText()));
    }

    /**
     * An event about no person (the anonymous admitted-not-on-register signal, keyed by its report's id): checked as
     * {@link #assertIsValid} checks one about a person, and that it carries no personId at all.
     */
    public ConsumerRecord<String, String> awaitAnonymousRecord(String type, String key) {
        ConsumerRecord<String, String> record = referralEvents.awaitRecord(r -> key.equals(r.key())
                && type.equals(json(r.value()).path("type").asText()));
        EventContract contract = EventCatalogue.of(type);
        assertThat(record.topic()).isEqualTo(contract.topic());
        CloudEventCodec.ReceivedCloudEvent event = CloudEventCodec.read(record.value().getBytes(StandardCharsets.UTF_8));
        assertThat(event.source()).isEqualTo(EventSources.REFERRAL_SERVICE);
        assertThat(event.subject()).isEqualTo(key);
        JsonNode cloudEvent = json(record.value());
        assertThat(EventSchemas.envelopeProblems(cloudEvent)).isEmpty();
        assertThat(EventSchemas.dataProblems(contract, cloudEvent.get("data"))).isEmpty();
        assertThat(cloudEvent.get("data").has("personId")).isFalse();
        return record;
    }

    static void assertIsValid(ConsumerRecord<String, String> record, String type, String personId) {
        EventContract contract = EventCatalogue.of(type);
        assertThat(record.topic()).isEqualTo(contract.topic());
        assertThat(TopicReader.header(record, "content-type")).isEqualTo(CloudEventCodec.CONTENT_TYPE);
        // The kit's reader checks the envelope and the data against the published schemas, and throws if either is off.
        CloudEventCodec.ReceivedCloudEvent event = CloudEventCodec.read(record.value().getBytes(StandardCharsets.UTF_8));
        assertThat(event.type()).isEqualTo(type);
        assertThat(event.source()).isEqualTo(EventSources.REFERRAL_SERVICE);
        assertThat(event.subject()).isEqualTo(personId);
        JsonNode cloudEvent = json(record.value());
        assertThat(EventSchemas.envelopeProblems(cloudEvent)).isEmpty();
        assertThat(EventSchemas.dataProblems(contract, cloudEvent.get("data"))).isEmpty();
        assertThat(cloudEvent.get("dataschema").asText()).isEqualTo(contract.dataSchema().toString());
        assertThat(cloudEvent.get("data").get("personId").asText()).isEqualTo(personId);
    }

    public static JsonNode json(String text) {
        try {
            return ApiClient.JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        referralEvents.close();
        producer.close();
    }
}
