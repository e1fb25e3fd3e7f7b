package org.opendsr.kit.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a record that can never be processed to {@code <topic>.dlt}: the original key, value and headers,
 * plus {@code dsr.dlt.*} headers saying why, where it came from and which consumer gave up. The send is
 * synchronous: the caller commits the original offset only after the dead letter is safely stored.
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

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

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
        add(deadLetter, REASON, failure.getMessage());
        add(deadLetter, REASON_CODE, failure.reason().name());
        add(deadLetter, EXCEPTION, failure.getCause() == null ? UnprocessableEvent.class.getName()
                : failure.getCause().getClass().getName());
        add(deadLetter, CONSUMER_GROUP, consumerGroup);
        add(deadLetter, ORIGINAL_TOPIC, original.topic());
        add(deadLetter, ORIGINAL_PARTITION, Integer.toString(original.partition()));
        add(deadLetter, ORIGINAL_OFFSET, Long.toString(original.offset()));
        add(deadLetter, FAILED_AT, Instant.now().toString());
        try {
            producer.send(deadLetter).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientInfrastructureFailure("interrupted while storing a dead letter", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new TransientInfrastructureFailure("the dead-letter topic " + topic + " is unavailable", e);
        } catch (RuntimeException e) {
            // send() itself can throw (a closed producer, an unexpected client error). Whatever it is, the dead
            // letter is not stored, so the record must be delivered again, never committed past.
            throw new TransientInfrastructureFailure("the dead-letter topic " + topic + " is unavailable", e);
        }
        meters.counter("dsr.events.dead.lettered", "topic", original.topic(), "reason", failure.reason().name())
                .increment();
        // The reason code only: the detail may describe the data, and it is in the dead letter's headers.
        LOG.warn("Dead-lettered a record from {}-{}@{} for {}: {}", original.topic(), original.partition(),
                original.offset(), consumerGroup, failure.reason());
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
