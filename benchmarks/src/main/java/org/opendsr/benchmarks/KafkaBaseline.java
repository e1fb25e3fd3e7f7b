package org.opendsr.benchmarks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Baseline: Kafka alone. Records shaped and sized like a ReferralReceived CloudEvent, keyed by random UUIDs (as
 * events are keyed by personId), produced to a scratch topic on the system's own broker by a producer configured as
 * the outbox relay's (idempotent, acks=all, lz4, no linger), by the same number of callers as the journey, each
 * waiting for its send to be acknowledged. A separate consumer reads them back; the send time travels in a header.
 */
final class KafkaBaseline implements AutoCloseable {

    private static final String SENT_AT_NANOS = "benchmark-sent-at-nanos";
    private static final String INDEX = "benchmark-index";

    private final String topic;
    private final KafkaProducer<String, byte[]> producer;
    private final TopicWatcher watcher;
    private final AtomicInteger valueBytes = new AtomicInteger();
    // Replaced (a volatile write) before each measurement; a zero slot means "not seen yet".
    private volatile long[] consumedAfterNanos = new long[0];
    private final AtomicInteger consumed = new AtomicInteger();

    /**
     * @param bootstrapServers the system's broker
     * @param partitions       as many as the referral events topic has, so both spread their records alike
     */
    KafkaBaseline(String bootstrapServers, int partitions) throws ExecutionException, InterruptedException, TimeoutException {
        this.topic = "benchmark.baseline." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty())))
                    .all().get(30, TimeUnit.SECONDS);
        }
        this.producer = new KafkaProducer<>(relayLikeProducer(bootstrapServers), new StringSerializer(),
                new ByteArraySerializer());
        this.watcher = TopicWatcher.start(bootstrapServers, topic, false, this::seen);
    }

    /** The outbox relay's producer settings (service-kit KafkaClientProperties.reliableProducer). */
    private static Map<String, Object> relayLikeProducer(String bootstrapServers) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "benchmark-baseline");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return properties;
    }

    record Result(ConcurrentCallers.Outcome produced, Latencies produceToConsume, int missing, int recordBytes) {
    }

    /** Warms up, then measures {@code records} sends by {@code callers} callers and their arrival at a consumer. */
    /** Untimed sends, so that the producer, the broker and the consumer are warm. */
    void warmUp(int records, int callers) {
        ConcurrentCallers.Outcome warmUp = ConcurrentCallers.run("kafka-warm-up", records, callers,
                (index, caller) -> send(-1));
        if (warmUp.failures() > 0) {
            throw new IllegalStateException("Kafka baseline warm-up failed: " + warmUp.firstErrors());
        }
    }

    /** Measures {@code records} sends by {@code callers} callers, then waits for the consumer to see them all. */
    Result measure(int records, int callers, Duration consumeTimeout) throws InterruptedException {
        consumedAfterNanos = new long[records];
        consumed.set(0);
        ConcurrentCallers.Outcome produced = ConcurrentCallers.run("kafka", records, callers,
                (index, caller) -> send(index));
        long deadline = System.nanoTime() + consumeTimeout.toNanos();
        while (consumed.get() < records && System.nanoTime() < deadline) {
            watcher.checkHealthy();
            Thread.sleep(20);
        }
        // The counter's last read (volatile) made visible every slot the watcher filled before counting it.
        long[] latencies = java.util.Arrays.stream(consumedAfterNanos).filter(value -> value != 0).toArray();
        return new Result(produced, Latencies.of(latencies), records - latencies.length, valueBytes.get());
    }

    private boolean send(int index) throws Exception {
        byte[] value = cloudEventLikeValue();
        valueBytes.set(value.length);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, UUID.randomUUID().toString(), value);
        record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        record.headers().add(INDEX, ByteBuffer.allocate(4).putInt(index).array());
        record.headers().add(SENT_AT_NANOS, ByteBuffer.allocate(8).putLong(System.nanoTime()).array());
        producer.send(record).get(30, TimeUnit.SECONDS);
        return true;
    }

    private void seen(ConsumerRecord<String, byte[]> record, long seenNanos, Instant seenAt) {
        Header index = record.headers().lastHeader(INDEX);
        Header sent = record.headers().lastHeader(SENT_AT_NANOS);
        if (index == null || sent == null) {
            return;
        }
        int i = ByteBuffer.wrap(index.value()).getInt();
        long[] slots = consumedAfterNanos;
        if (i >= 0 && i < slots.length && slots[i] == 0) {
            // A zero means "not seen"; a real difference of exactly 0 ns cannot happen across threads.
            slots[i] = seenNanos - ByteBuffer.wrap(sent.value()).getLong();
            consumed.incrementAndGet();
        }
    }

    /**
     * A structured-mode CloudEvent like the relay's ReferralReceived: same fields, fresh ids, so that it is as big
     * and compresses as well as the real thing.
     */
    static byte[] cloudEventLikeValue() {
        String personId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        String json = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/dsr/referral-service\","
                + "\"type\":\"dsr.referral.received.v1\",\"datacontenttype\":\"application/json\","
                + "\"dataschema\":\"urn:dsr:schema:dsr.referral.received.v1\",\"subject\":\"" + personId + "\","
                + "\"time\":\"" + now + "\",\"correlationid\":\"" + UUID.randomUUID() + "\",\"data\":{\"referralId\":\""
                + UUID.randomUUID() + "\",\"personId\":\"" + personId + "\",\"route\":\"PROFESSIONAL\","
                + "\"locality\":\"SWINDON\",\"ageBand\":\"AGE_14_TO_17\",\"lifeStage\":\"CHILD\","
                + "\"indicativeRag\":\"AMBER\",\"receivedAt\":\"" + now + "\"}}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    String topic() {
        return topic;
    }

    @Override
    public void close() {
        watcher.close();
        producer.close(Duration.ofSeconds(10));
    }
}
