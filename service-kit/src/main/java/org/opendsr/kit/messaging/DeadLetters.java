package org.opendsr.kit.messaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.opendsr.contracts.Topics;
import org.opendsr.kit.outbox.PermanentRefusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a record that can never be processed to {@code <topic>.dlt}: the original key, value and headers,
 * plus {@code dsr.dlt.*} headers saying why, where it came from and which consumer gave up. The send is
 * synchronous: the caller commits the original offset only after the dead letter is safely stored. A record that can
 * never be stored there (too large, or refused for good for anything else about it) is replaced by a small substitute
 * carrying the same headers and no payload, with an ERROR line and {@code dsr_events_dead_letter_substituted_total}.
 */
@Singleton
public class DeadLetters implements AutoCloseable {

    public static final String REASON = "dsr.dlt.reason";
    public static final String REASON_CODE = "dsr.dlt.reason-code";
    public static final String EXCEPTION = "dsr.dlt.exception";
    public static final String CONSUMER_GROUP = "dsr.dlt.consumer-group";
    public static final String ORIGINAL_TOPIC = "dsr.dlt.original-topic";
    public static final String ORIGINAL_PARTITION = "dsr.dlt.original-partition";
    public static final String ORIGINAL_OFFSET = "dsr.dlt.original-offset";
    public static final String FAILED_AT = "dsr.dlt.failed-at";
    /** On a substitute only: why the original could not be stored (e.g. RecordTooLargeException). */
    public static final String SUBSTITUTED_BECAUSE = "dsr.dlt.substituted-because";
    /** On a substitute only: the original's CloudEvent id, when it could be read. */
    public static final String EVENT_ID = "dsr.dlt.event-id";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    private static final JsonFactory JSON = new JsonFactory();
    private static final int MAX_SUBSTITUTE_KEY_LENGTH = 1_000;

    private final Producer<String, byte[]> producer;
    private final MeterRegistry meters;

    @Inject
    public DeadLetters(KafkaClientProperties properties, MeterRegistry meters) {
        this(new KafkaProducer<>(properties.reliableProducer("dsr-dead-letters"),
                new StringSerializer(), new ByteArraySerializer()), meters);
    }

    DeadLetters(Producer<String, byte[]> producer, MeterRegistry meters) {
        this.producer = producer;
        this.meters = meters;
    }

    public void send(ConsumerRecord<String, byte[]> original, String consumerGroup, UnprocessableEvent failure) {
        String topic = Topics.deadLetterTopicOf(original.topic());
        ProducerRecord<String, byte[]> deadLetter = new ProducerRecord<>(topic, original.key(), original.value());
        for (Header header : original.headers()) {
            deadLetter.headers().add(header);
        }
        addReason(deadLetter, original, consumerGroup, failure);
        Optional<String> refusal = store(deadLetter, topic);
        if (refusal.isPresent()) {
            substitute(original, consumerGroup, failure, refusal.get());
            return;
        }
        meters.counter("dsr.events.dead.lettered", "topic", original.topic(), "reason", failure.reason().name())
                .increment();
        // The reason code only: the detail may describe the data, and it is in the dead letter's headers.
        LOG.warn("Dead-lettered a record from {}-{}@{} for {}: {}", original.topic(), original.partition(),
                original.offset(), consumerGroup, failure.reason());
    }

    /**
     * The dead letter itself was refused for good (too large: the producer checks the uncompressed size, so a
     * compressed record the broker accepted can still be too large to send on; or refused for anything else about the
     * record, see {@link PermanentRefusal}). Retrying would stall the partition for ever, so a small record takes its
     * place: where the original is (topic, partition, offset: it stays there until the topic's retention ends), its
     * key and event id, the reason, and no payload.
     */
    private void substitute(ConsumerRecord<String, byte[]> original, String consumerGroup, UnprocessableEvent failure,
                            String refusal) {
        String topic = Topics.deadLetterTopicOf(original.topic());
        // A key is a personId or an agency's reference; one so long that it is itself the problem is left out.
        String key = original.key() == null || original.key().length() <= MAX_SUBSTITUTE_KEY_LENGTH ? original.key() : null;
        ProducerRecord<String, byte[]> substitute = new ProducerRecord<>(topic, key, null);
        addReason(substitute, original, consumerGroup, failure);
        add(substitute, SUBSTITUTED_BECAUSE, refusal);
        String eventId = eventIdOf(original.value());
        if (eventId != null) {
            add(substitute, EVENT_ID, eventId);
        }
        if (store(substitute, topic).isPresent()) {
            // Even a record without payload is refused: the dead-letter topic itself is wrong (its name, its limits),
            // which no record can fix. Stall visibly rather than lose the record.
            throw new TransientInfrastructureFailure("the dead-letter topic " + topic + " refuses even a substitute record",
                    null);
        }
        meters.counter("dsr.events.dead.letter.substituted", "topic", original.topic(), "reason", failure.reason().name(),
                "refusal", refusal).increment();
        LOG.error("Could not dead-letter the record from {}-{}@{} for {} ({}: {}); stored a substitute without its payload "
                        + "on {}; the original stays at that offset until the topic's retention removes it",
                original.topic(), original.partition(), original.offset(), consumerGroup, failure.reason(), refusal, topic);
    }

    /** Sends synchronously: empty once stored, the refusal if the record can never be stored; throws while it may. */
    private Optional<String> store(ProducerRecord<String, byte[]> record, String topic) {
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientInfrastructureFailure("interrupted while storing a dead letter", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            return permanentOrThrow(e, topic);
        } catch (RuntimeException e) {
            // send() itself can throw (a closed producer, an unexpected client error). Unless it is a refusal of the
            // record itself, the dead letter is not stored and the record must be delivered again, never committed past.
            return permanentOrThrow(e, topic);
        }
    }

    private static Optional<String> permanentOrThrow(Exception failure, String topic) {
        Optional<String> refusal = PermanentRefusal.reasonFor(failure);
        if (refusal.isEmpty()) {
            throw new TransientInfrastructureFailure("the dead-letter topic " + topic + " is unavailable", failure);
        }
        return refusal;
    }

    private static void addReason(ProducerRecord<String, byte[]> deadLetter, ConsumerRecord<String, byte[]> original,
                                  String consumerGroup, UnprocessableEvent failure) {
        add(deadLetter, REASON, failure.getMessage());
        add(deadLetter, REASON_CODE, failure.reason().name());
        add(deadLetter, EXCEPTION, failure.getCause() == null ? UnprocessableEvent.class.getName()
                : failure.getCause().getClass().getName());
        add(deadLetter, CONSUMER_GROUP, consumerGroup);
        add(deadLetter, ORIGINAL_TOPIC, original.topic());
        add(deadLetter, ORIGINAL_PARTITION, Integer.toString(original.partition()));
        add(deadLetter, ORIGINAL_OFFSET, Long.toString(original.offset()));
        add(deadLetter, FAILED_AT, Instant.now().toString());
    }

    /**
     * The top-level {@code id} of a record that may not be JSON at all, read by streaming so that a huge value is not
     * built into a tree; null when there is none to read.
     */
    static String eventIdOf(byte[] value) {
        if (value == null) {
            return null;
        }
        try (JsonParser parser = JSON.createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                if ("id".equals(field)) {
                    return token == JsonToken.VALUE_STRING && parser.getText().length() <= 100 ? parser.getText() : null;
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    private static void add(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, (value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
    }

    @PreDestroy
    @Override
    public void close() {
        producer.close();
    }
}
