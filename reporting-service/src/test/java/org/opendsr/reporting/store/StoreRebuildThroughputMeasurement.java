package org.opendsr.reporting.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.opendsr.contracts.EventTypes;
import org.opendsr.kit.messaging.CloudEventCodec;
import org.opendsr.reporting.store.application.RebuildProgress;
import org.opendsr.reporting.store.application.RebuildingTheStore;
import org.opendsr.reporting.store.application.StoreConsumers;
import org.opendsr.testkit.DsrTestEnvironment;
import org.opendsr.testkit.RealKafka;

/**
 * A measurement, not a test (off unless {@code -Ddsr.measure.rebuild=true}): how many events per second the store's
 * rebuild replays from the four topics into an empty store (decode and schema-check each event, project it, write
 * facts, people and inbox rows in one transaction per poll), against a plain consumer reading the same records and
 * doing nothing with them, in the same run; and what the kit's decoding alone costs (parse only vs parse and schema
 * check), to see whether the schema check dominates. Run:
 * <pre>{@code ./mvnw -o -q -pl reporting-service -am verify -Dtest=StoreRebuildThroughputMeasurement
 *     -Ddsr.measure.rebuild=true -Dsurefire.failIfNoSpecifiedTests=false -Ddsr.measure.rebuild.events=200000}</pre>
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIfSystemProperty(named = "dsr.measure.rebuild", matches = "true")
class StoreRebuildThroughputMeasurement implements TestPropertyProvider {

    /** A person's events, spread over the four topics as in life: mostly referral and risk events. */
    private static final List<String> A_PERSON = List.of(EventTypes.REFERRAL_RECEIVED_V1,
            EventTypes.REFERRAL_ACCEPTED_V1, EventTypes.REFERRAL_CONTACTED_V1, EventTypes.CONSENT_RECORDED_V1,
            EventTypes.RISK_RATING_CHANGED_V1, EventTypes.RISK_UPDATE_POSTED_V1, EventTypes.RISK_OBLIGATION_DUE_V1,
            EventTypes.MEETING_RECOMMENDATION_MADE_V1);

    @Inject
    RebuildingTheStore rebuilding;

    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    public Map<String, String> getProperties() {
        return DsrTestEnvironment.forService("reporting");
    }

    @Test
    void rebuildFromTheTopics() {
        int wanted = Integer.getInteger("dsr.measure.rebuild.events", 200_000);
        try (StoreEvents events = new StoreEvents()) {
            List<StoreEvents.Event> batch = new ArrayList<>();
            for (int i = 0; i < wanted / A_PERSON.size(); i++) {
                UUID person = UUID.randomUUID();
                A_PERSON.forEach(type -> batch.add(StoreEvents.of(type, person)));
                if (batch.size() >= 20_000) {
                    events.publish(batch);
                    batch.clear();
                }
            }
            events.publish(batch);
        }

        // The live listeners apply the same events first; measured while they were still at it, the rebuild would
        // share the machine with them (and they would then hold off, retrying), which is not what it measures.
        long published = (long) (wanted / A_PERSON.size()) * A_PERSON.size();
        StoreTables tables = new StoreTables(transactions);
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(1)).until(() -> tables.count(
                "SELECT count(*) FROM dsr_kit.processed_event WHERE consumer LIKE 'reporting-service.%'") >= published);

        long id = rebuilding.start();
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> rebuilding.progress(id).orElseThrow().state() != RebuildProgress.State.RUNNING);
        RebuildProgress done = rebuilding.progress(id).orElseThrow();
        assertThat(done.state()).isEqualTo(RebuildProgress.State.DONE);

        // The baseline: the same records, read by a plain consumer that does nothing with them.
        List<byte[]> values = new ArrayList<>();
        long plainStart = System.nanoTime();
        long plainRead = readAll(values);
        double plainSeconds = (System.nanoTime() - plainStart) / 1e9;

        // Decoding alone, on the same values: parsing only, then the kit's read (parse, envelope and schema check).
        ObjectMapper json = new ObjectMapper();
        long parseStart = System.nanoTime();
        for (byte[] value : values) {
            try {
                json.readTree(value);
            } catch (java.io.IOException e) {
                // counted by the codec below
            }
        }
        double parseSeconds = (System.nanoTime() - parseStart) / 1e9;
        long codecStart = System.nanoTime();
        for (byte[] value : values) {
            try {
                CloudEventCodec.read(value);
            } catch (RuntimeException unreadable) {
                // skipped in the rebuild too
            }
        }
        double codecSeconds = (System.nanoTime() - codecStart) / 1e9;

        double rebuildSeconds = Duration.between(done.startedAt(), done.finishedAt()).toNanos() / 1e9;
        double rebuildRate = done.read() / rebuildSeconds;
        double plainRate = plainRead / plainSeconds;
        System.out.printf("REBUILD %d events read (%d skipped) in %.1f s: %.0f events/s; plain consumer %d records in %.1f s: "
                        + "%.0f records/s; rebuild/plain = %.2f; %d cores%n",
                done.read(), done.skipped(), rebuildSeconds, rebuildRate, plainRead, plainSeconds, plainRate,
                rebuildRate / plainRate, Runtime.getRuntime().availableProcessors());
        System.out.printf("DECODE %d values: Jackson parse alone %.1f s (%.0f/s); CloudEventCodec.read (parse, envelope, "
                        + "schema) %.1f s (%.0f/s): the checks cost %.0f%% of decoding, %.0f%% of the rebuild's time%n",
                values.size(), parseSeconds, values.size() / parseSeconds, codecSeconds, values.size() / codecSeconds,
                100 * (codecSeconds - parseSeconds) / codecSeconds, 100 * codecSeconds / rebuildSeconds);
    }

    private static long readAll(List<byte[]> values) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.get().bootstrapServers());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        properties.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : StoreConsumers.TOPICS) {
                for (PartitionInfo info : consumer.partitionsFor(topic)) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long read = 0;
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, byte[]> record : records) {
                    values.add(record.value());
                    read++;
                }
            }
            return read;
        }
    }
}
