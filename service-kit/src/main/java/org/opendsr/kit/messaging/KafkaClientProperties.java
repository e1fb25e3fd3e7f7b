package org.opendsr.kit.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import io.micronaut.configuration.kafka.config.KafkaDefaultConfiguration;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Properties for the kit's own producers (outbox relay, dead letters), built from the same {@code kafka.*}
 * configuration micronaut-kafka's listeners use, so security settings (SASL/TLS for Strimzi) apply to both.
 */
@Singleton
public class KafkaClientProperties {

    private final KafkaDefaultConfiguration kafka;

    public KafkaClientProperties(KafkaDefaultConfiguration kafka) {
        this.kafka = kafka;
    }

    /**
     * An idempotent producer that waits for every in-sync replica: no duplicates from its own retries, and
     * records of one key stay in order (at most 5 requests in flight is what idempotence guarantees order for).
     */
    public Map<String, Object> reliableProducer(String clientId) {
        Map<String, Object> properties = new HashMap<>();
        Properties shared = kafka.getConfig();
        shared.stringPropertyNames().stream()
                .filter(name -> !name.startsWith("health"))
                .forEach(name -> properties.put(name, shared.getProperty(name)));
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return properties;
    }

    /**
     * A consumer of the kit's own (the dead-letter office's): a new group starts at the earliest offset, and offsets
     * are committed by the caller once what it read is stored.
     */
    public Map<String, Object> consumer(String clientId, String groupId) {
        Map<String, Object> properties = new HashMap<>();
        Properties shared = kafka.getConfig();
        shared.stringPropertyNames().stream()
                .filter(name -> !name.startsWith("health"))
                .forEach(name -> properties.put(name, shared.getProperty(name)));
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        return properties;
    }
}
