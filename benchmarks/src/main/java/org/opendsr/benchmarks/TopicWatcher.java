package org.opendsr.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic on its own thread and tells a {@link Sighting} about every record, with the moment the poll that
 * brought it returned (System.nanoTime, and the wall clock for comparing with times other processes wrote). The Kafka baseline and the journey's propagation are both measured by this
 * same watcher with the same consumer settings, so their latencies compare like with like.
 *
 * <p>It reads every partition by assignment (no consumer group, nothing committed), starting at the end or the
 * beginning; the start positions are fixed before {@link #start} returns, so nothing written afterwards is missed.
 */
final class TopicWatcher implements AutoCloseable {

    interface Sighting {
        void seen(ConsumerRecord<String, byte[]> record, long seenNanos, Instant seenAt);
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean running = true;

    private TopicWatcher(KafkaConsumer<String, byte[]> consumer, String topic, Sighting sighting) {
        this.consumer = consumer;
        this.thread = new Thread(() -> watch(sighting), "watch-" + topic);
        this.thread.setDaemon(true);
    }

    static TopicWatcher start(String bootstrapServers, String topic, boolean fromEnd, Sighting sighting) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "benchmark-watch-" + topic,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException("Topic " + topic + " does not exist");
            }
            consumer.assign(partitions);
            if (fromEnd) {
                consumer.seekToEnd(partitions);
            } else {
                consumer.seekToBeginning(partitions);
            }
            partitions.forEach(partition -> consumer.position(partition, Duration.ofSeconds(30)));
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
        TopicWatcher watcher = new TopicWatcher(consumer, topic, sighting);
        watcher.thread.start();
        return watcher;
    }

    private void watch(Sighting sighting) {
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                long seen = System.nanoTime();
                Instant seenAt = Instant.now();
                for (ConsumerRecord<String, byte[]> record : records) {
                    sighting.seen(record, seen, seenAt);
                }
            }
        } catch (WakeupException stopping) {
            // close() woke the poll
        } catch (Throwable e) {
            failure.set(e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Throws what stopped the watcher, if anything did: a dead watcher would look like lost events. */
    void checkHealthy() {
        Throwable problem = failure.get();
        if (problem != null) {
            throw new IllegalStateException("The watcher of a topic failed", problem);
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
