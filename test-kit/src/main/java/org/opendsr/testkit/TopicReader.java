package org.opendsr.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * Reads a topic from the beginning with its own consumer group, so tests can assert on what was really
 * published (events, dead letters) without consuming anything a service needs.
 */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    private TopicReader(KafkaConsumer<String, String> consumer) {
        this.consumer = consumer;
    }

    public static TopicReader fromBeginning(String bootstrapServers, String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
        return new TopicReader(consumer);
    }

    public static TopicReader fromBeginning(String topic) {
        return fromBeginning(RealKafka.get().bootstrapServers(), topic);
    }

    /** Waits until a record matching the condition has been read, and returns it. */
    public ConsumerRecord<String, String> awaitRecord(Predicate<ConsumerRecord<String, String>> condition) {
        return awaitRecords(condition, 1).get(0);
    }

    /** Waits until at least {@code count} records match, and returns all that match. */
    public List<ConsumerRecord<String, String>> awaitRecords(Predicate<ConsumerRecord<String, String>> condition,
                                                             int count) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(() -> {
            poll();
            return matching(condition).size() >= count;
        });
        return matching(condition);
    }

    /** Reads for a while and returns everything that matched: for asserting that nothing more arrives. */
    public List<ConsumerRecord<String, String>> readFor(Duration duration,
                                                        Predicate<ConsumerRecord<String, String>> condition) {
        long until = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < until) {
            poll();
        }
        return matching(condition);
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
    }

    private List<ConsumerRecord<String, String>> matching(Predicate<ConsumerRecord<String, String>> condition) {
        return seen.stream().filter(condition).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
