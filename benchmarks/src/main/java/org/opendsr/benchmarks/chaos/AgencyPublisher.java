package org.opendsr.benchmarks.chaos;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes agency events as an agency system would (acks=all, idempotent, retrying through a broker crash for up
 * to three minutes) and writes down where the broker put each one: the reconciliation looks for valid ones in the
 * database and bad ones on the DLT by partition and offset.
 */
final class AgencyPublisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    /** A separate producer for the poison record: lz4, and a request size that lets the 2 MB record through. */
    private final KafkaProducer<String, byte[]> compressing;
    private final Ledger ledger;

    AgencyPublisher(String bootstrapServers, Ledger ledger) {
        this.ledger = ledger;
        this.producer = new KafkaProducer<>(settings(bootstrapServers, "none", 1_048_576),
                new StringSerializer(), new ByteArraySerializer());
        this.compressing = new KafkaProducer<>(settings(bootstrapServers, "lz4", 8 * 1_048_576),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static Map<String, Object> settings(String bootstrapServers, String compression, int maxRequest) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, compression,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxRequest,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 180_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 180_000,
                ProducerConfig.LINGER_MS_CONFIG, 0);
    }

    /** Sends without waiting; the broker's acknowledgement writes the event into the ledger. */
    void publish(AgencyEvents.Event event) {
        boolean valid = event.eventId() != null;
        List<Reconciliation.Sent> into = valid ? ledger.validAgencyEvents : ledger.badAgencyEvents;
        KafkaProducer<String, byte[]> by = AgencyEvents.POISON.equals(event.kind()) ? compressing : producer;
        by.send(new ProducerRecord<>(AgencyEvents.TOPIC, event.key(), event.value()), (metadata, failure) -> {
            if (failure != null) {
                ledger.agencyNotAcknowledged.incrementAndGet();
            } else {
                into.add(new Reconciliation.Sent(event.kind(), event.eventId(), event.agencyReference(),
                        metadata.partition(), metadata.offset()));
            }
        });
    }

    void flush() {
        producer.flush();
        compressing.flush();
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(30));
        compressing.close(java.time.Duration.ofSeconds(30));
    }

    static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
