package org.opendsr.consent.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.opendsr.contracts.EventCatalogue;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.contracts.common.AgeBand;
import org.opendsr.contracts.common.LifeStage;
import org.opendsr.contracts.referral.RemovalReason;
import org.opendsr.testkit.RealKafka;

/**
 * Publishes referral-service's events as referral-service does, built from the golden samples of the event
 * contracts with fresh ids: what consent-service consumes is exactly what the contract shows.
 */
public final class ReferralEvents implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaProducer<String, byte[]> producer;

    private ReferralEvents(KafkaProducer<String, byte[]> producer) {
        this.producer = producer;
    }

    public static ReferralEvents connect() {
        return new ReferralEvents(new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.get().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer()));
    }

    /** The golden sample of a type, as a CloudEvent about {@code personId} with a fresh id. */
    public static ObjectNode goldenSample(String type, UUID personId) {
        try (InputStream in = ReferralEvents.class.getClassLoader()
                .getResourceAsStream(EventCatalogue.of(type).sampleResource())) {
            ObjectNode event = (ObjectNode) JSON.readTree(in);
            event.put("id", UUID.randomUUID().toString());
            event.put("subject", personId.toString());
            event.put("time", Instant.now().toString());
            ((ObjectNode) event.get("data")).put("personId", personId.toString());
            return event;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A referral reached the DSR: consent-service learns of the person. */
    public UUID referred(LifeStage lifeStage, AgeBand ageBand) {
        UUID personId = UUID.randomUUID();
        referred(personId, lifeStage, ageBand, Instant.now());
        return personId;
    }

    public UUID referredAdult() {
        return referred(LifeStage.ADULT, AgeBand.AGE_25_TO_34);
    }

    public void referred(UUID personId, LifeStage lifeStage, AgeBand ageBand, Instant receivedAt) {
        send(personId, EventTypes.REFERRAL_RECEIVED_V1, data -> {
            data.put("referralId", UUID.randomUUID().toString());
            data.put("lifeStage", lifeStage.name());
            data.put("ageBand", ageBand.name());
            data.put("receivedAt", receivedAt.toString());
        });
    }

    public void turned18(UUID personId) {
        send(personId, EventTypes.PERSON_TURNED_18_V1, data -> {
        });
    }

    public void removedFromRegister(UUID personId, RemovalReason reason) {
        send(personId, EventTypes.REGISTER_PERSON_REMOVED_V1, data -> {
            data.put("registerEntryId", UUID.randomUUID().toString());
            data.put("removedAt", Instant.now().toString());
            data.put("reason", reason.name());
        });
    }

    public void send(UUID personId, String type, Consumer<ObjectNode> changeData) {
        ObjectNode event = goldenSample(type, personId);
        changeData.accept((ObjectNode) event.get("data"));
        send(personId, event);
    }

    public void send(UUID personId, ObjectNode event) {
        try {
            send(personId, JSON.writeValueAsBytes(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void send(UUID personId, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(Topics.REFERRAL_EVENTS, personId.toString(), value))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not publish a referral event", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
