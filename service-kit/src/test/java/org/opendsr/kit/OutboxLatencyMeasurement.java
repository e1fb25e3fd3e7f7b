package org.opendsr.kit;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.opendsr.contracts.Topics;
import org.opendsr.kit.messaging.CloudEventCodec;
import org.opendsr.kit.outbox.OutboxRelayRunner;
import org.opendsr.kit.testapp.TestReferrals;
import org.opendsr.testkit.RealKafka;

/**
 * A rough measurement, not a test: outbox write to event readable on the topic, at a paced rate, with this
 * application's own relay leading (the production set-up of one replica). Each transaction writes two events of
 * one person, as a referral does (referral received and a keyworker suggestion). The latency is a consumer's
 * receive time minus the CloudEvent {@code time}, which is the outbox row's {@code created_at} (so it includes the
 * writer's commit and the consumer's fetch). Off unless asked for:
 *
 * <pre>./mvnw -o -q -pl service-kit -am verify -Dtest=OutboxLatencyMeasurement -Ddsr.measure.outbox=true \
 *     -Dsurefire.failIfNoSpecifiedTests=false -DfailIfNoTests=false</pre>
 *
 * Options (system properties): {@code dsr.measure.rate} transactions per second (50), {@code dsr.measure.seconds}
 * measured (30), after {@code dsr.measure.warm-up-seconds} (15) whose events are not counted.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIfSystemProperty(named = "dsr.measure.outbox", matches = "true")
class OutboxLatencyMeasurement implements TestPropertyProvider {

    @Inject
    TestReferrals referrals;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    OutboxRelayRunner runner;

    @Override
    public Map<String, String> getProperties() {
        return KitTestContext.properties(true);
    }

    @Test
    void outboxWriteToTopicAtAPacedRate() throws Exception {
        int rate = Integer.getInteger("dsr.measure.rate", 50);
        int seconds = Integer.getInteger("dsr.measure.seconds", 30);
        int warmUpSeconds = Integer.getInteger("dsr.measure.warm-up-seconds", 15);
        await().atMost(Duration.ofSeconds(15)).until(runner::isLeading);

        Set<String> people = Collections.synchronizedSet(new HashSet<>());
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        Instant measureFrom = Instant.now().plusSeconds(warmUpSeconds);
        int total = rate * (seconds + warmUpSeconds);
        AtomicInteger written = new AtomicInteger();
        ExecutorService reading = Executors.newSingleThreadExecutor();
        CountDownLatch joined = new CountDownLatch(1);
        reading.submit(() -> consume(people, micros, measureFrom, total * 2, joined));
        // The consumer starts at the latest offsets, so the first write waits until it holds its partitions.
        joined.await(30, TimeUnit.SECONDS);

        ScheduledExecutorService pace = Executors.newScheduledThreadPool(1);
        ExecutorService writers = Executors.newFixedThreadPool(8);
        pace.scheduleAtFixedRate(() -> {
            if (written.getAndIncrement() < total) {
                writers.submit(() -> {
                    UUID person = UUID.randomUUID();
                    people.add(person.toString());
                    transactions.executeWrite(status -> {
                        referrals.receiveWithoutTransaction(person, "SWINDON");
                        referrals.receiveWithoutTransaction(person, "SWINDON");
                        return null;
                    });
                });
            }
        }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
        reading.shutdown();
        reading.awaitTermination(seconds + warmUpSeconds + 60, TimeUnit.SECONDS);
        pace.shutdownNow();
        writers.shutdown();

        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        System.out.printf("OUTBOX LATENCY at %d tx/s (2 events each), %d events measured: "
                        + "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", rate, sorted.size(),
                at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), at(sorted, 1.0));
    }

    private static double at(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1000.0;
    }

    private static Void consume(Set<String> people, List<Long> micros, Instant measureFrom, int expected,
                                CountDownLatch joined) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.get().bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "outbox-latency-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.REFERRAL_EVENTS));
            int seen = 0;
            long idleSince = System.currentTimeMillis();
            while (seen < expected && System.currentTimeMillis() - idleSince < 20_000) {
                var polled = consumer.poll(Duration.ofMillis(100));
                if (!consumer.assignment().isEmpty()) {
                    joined.countDown();
                }
                for (ConsumerRecord<String, byte[]> record : polled) {
                    Instant received = Instant.now();
                    if (!people.contains(record.key())) {
                        continue;
                    }
                    seen++;
                    idleSince = System.currentTimeMillis();
                    Instant written = CloudEventCodec.read(record.value()).time();
                    if (written.isAfter(measureFrom)) {
                        micros.add(Duration.between(written, received).toNanos() / 1000);
                    }
                }
            }
        }
        return null;
    }
}
