package org.opendsr.benchmarks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Baseline: what the system's own broker does for a well-tuned client pair, so that the journey's Kafka figures are
 * compared with the machine's real limits rather than with a client as slow as the one under test.
 * <ul>
 *   <li><b>latency</b>: a producer with linger 0 (acks=all, idempotent, as durable as the relay), sending at a fixed
 *       pace without waiting for each acknowledgement, and a consumer that fetches as soon as one byte is there;
 *       produce -> consume time per record;</li>
 *   <li><b>throughput</b>: a batching producer (acks=all, linger 10 ms, 512 KB batches, lz4) sending as fast as it can, then a
 *       fresh consumer replaying the topic from the beginning with large fetches: records/s for each.</li>
 * </ul>
 * Records are the size of a ReferralReceived event, keyed by random UUIDs, on as many partitions as the event topic.
 */
final class TunedKafka {

    private static final String SENT_AT_NANOS = "benchmark-sent-at-nanos";

    private final String bootstrapServers;
    private final int partitions;

    TunedKafka(String bootstrapServers, int partitions) {
        this.bootstrapServers = bootstrapServers;
        this.partitions = partitions;
    }

    /** Produce -> consume at a paced rate; {@code missing} records never arrived. */
    record LatencyResult(int records, double ratePerSecond, Latencies produceToConsume, int missing) {
    }

    /** Records/s of a batching producer (until all acknowledged) and of a consumer replaying them from the start. */
    record ThroughputResult(int records, double producedPerSecond, double consumedPerSecond) {
    }

    LatencyResult latency(int records, double ratePerSecond) throws Exception {
        String topic = newTopic("latency");
        long[] latencies = new long[records];
        AtomicInteger seen = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(Map.of(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100));
             KafkaProducer<String, byte[]> producer = producer(Map.of(ProducerConfig.LINGER_MS_CONFIG, 0))) {
            assignFromBeginning(consumer, topic);
            Thread reader = new Thread(() -> {
                try {
                    while (seen.get() < records && !Thread.currentThread().isInterrupted()) {
                        ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(50));
                        long now = System.nanoTime();
                        for (ConsumerRecord<String, byte[]> record : batch) {
                            ByteBuffer header = ByteBuffer.wrap(record.headers().lastHeader(SENT_AT_NANOS).value());
                            int index = header.getInt();
                            latencies[index] = now - header.getLong();
                            seen.incrementAndGet();
                        }
                    }
                } catch (org.apache.kafka.common.errors.WakeupException stopping) {
                    // the measurement gave up waiting
                } catch (Throwable e) {
                    failure.set(e);
                }
            }, "tuned-kafka-latency-reader");
            reader.start();
            byte[] value = KafkaBaseline.cloudEventLikeValue();
            long interval = (long) (1e9 / ratePerSecond);
            long start = System.nanoTime();
            for (int i = 0; i < records; i++) {
                long due = start + i * interval;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, UUID.randomUUID().toString(), value);
                record.headers().add(SENT_AT_NANOS, ByteBuffer.allocate(12).putInt(i).putLong(System.nanoTime()).array());
                producer.send(record);
            }
            producer.flush();
            reader.join(30_000);
            if (reader.isAlive()) {
                consumer.wakeup();
                reader.join(5_000);
            }
            if (failure.get() != null) {
                throw new IllegalStateException("The tuned Kafka consumer failed", failure.get());
            }
        }
        long[] measured = java.util.Arrays.stream(latencies).filter(value -> value != 0).toArray();
        return new LatencyResult(records, ratePerSecond, Latencies.of(measured), records - measured.length);
    }

    ThroughputResult throughput(int records) throws Exception {
        String topic = newTopic("throughput");
        byte[] value = KafkaBaseline.cloudEventLikeValue();
        long produced;
        // Not idempotent: on a machine busy enough for a produce request to time out, the idempotent producer's
        // retries ended in OutOfOrderSequenceException and expired batches; throughput needs acks=all, not that.
        try (KafkaProducer<String, byte[]> producer = producer(Map.of(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024))) {
            AtomicReference<Exception> failure = new AtomicReference<>();
            long start = System.nanoTime();
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, UUID.randomUUID().toString(), value), (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
            }
            producer.flush();
            produced = System.nanoTime() - start;
            if (failure.get() != null) {
                throw new IllegalStateException("The batching producer failed", failure.get());
            }
        }
        double consumedPerSecond = replay(topic, records, record -> { }, Duration.ofMinutes(2));
        return new ThroughputResult(records, records / (produced / 1e9), consumedPerSecond);
    }

    /**
     * A fresh consumer reads {@code expected} records of the topic from the beginning, handing each to
     * {@code perRecord}; returns records/s from its first poll to the last record, or NaN if they did not all come.
     */
    double replay(String topic, int expected, java.util.function.Consumer<ConsumerRecord<String, byte[]>> perRecord,
                  Duration timeout) {
        return replay(List.of(topic), expected, perRecord, timeout);
    }

    /** The same over several topics at once: one consumer assigned every partition of each. */
    double replay(List<String> topics, int expected, java.util.function.Consumer<ConsumerRecord<String, byte[]>> perRecord,
                  Duration timeout) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000,
                ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1024 * 1024, ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024))) {
            assignFromBeginning(consumer, topics);
            int seen = 0;
            long start = System.nanoTime();
            long deadline = start + timeout.toNanos();
            while (seen < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    perRecord.accept(record);
                    seen++;
                }
            }
            return seen < expected ? Double.NaN : expected / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** How many records the topic holds (its partitions' end offsets; nothing is ever deleted in a run). */
    long endOffsetSum(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(Map.of())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            return consumer.endOffsets(partitions, Duration.ofSeconds(30)).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private String newTopic(String purpose) throws Exception {
        String topic = "benchmark.tuned." + purpose + "." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty())))
                    .all().get(30, TimeUnit.SECONDS);
        }
        return topic;
    }

    private KafkaProducer<String, byte[]> producer(Map<String, Object> tuning) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "benchmark-tuned-producer");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.putAll(tuning);
        return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }

    private KafkaConsumer<String, byte[]> consumer(Map<String, Object> tuning) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "benchmark-tuned-consumer");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        properties.putAll(tuning);
        return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Every partition by assignment (no group), from the beginning, positions fixed before anything is sent. */
    static void assignFromBeginning(KafkaConsumer<?, ?> consumer, String topic) {
        assignFromBeginning(consumer, List.of(topic));
    }

    static void assignFromBeginning(KafkaConsumer<?, ?> consumer, List<String> topics) {
        List<TopicPartition> assigned = topics.stream()
                .flatMap(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                        .map(info -> new TopicPartition(topic, info.partition())))
                .toList();
        consumer.assign(assigned);
        consumer.seekToBeginning(assigned);
        assigned.forEach(partition -> consumer.position(partition, Duration.ofSeconds(30)));
    }
}
