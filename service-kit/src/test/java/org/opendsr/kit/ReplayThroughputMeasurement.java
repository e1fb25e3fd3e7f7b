package org.opendsr.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micronaut.configuration.kafka.config.AbstractKafkaConsumerConfiguration;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.referral.ReferralReceived;
import org.opendsr.kit.messaging.CloudEventCodec;
import org.opendsr.kit.messaging.EventHandlers;
import org.opendsr.kit.messaging.InboundEvents;
import org.opendsr.testkit.RealKafka;

/**
 * A measurement, not a test (off unless {@code -Ddsr.measure.replay=true}): how many events per second one kit
 * consumer replays from the beginning of a topic with a handler that does nothing, through the kit's whole path
 * (parse and schema-check each event, record its id in the same transaction, one transaction per partition run, one
 * offset commit per poll), against the embedded PostgreSQL and Kafka. Run:
 * <pre>{@code ./mvnw -o -q -pl service-kit -am verify -Dtest=ReplayThroughputMeasurement -Ddsr.measure.replay=true
 *     -Dsurefire.failIfNoSpecifiedTests=false -Ddsr.measure.replay.events=50000}</pre>
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIfSystemProperty(named = "dsr.measure.replay", matches = "true")
class ReplayThroughputMeasurement implements TestPropertyProvider {

    @Inject
    ApplicationContext context;

    @Inject
    InboundEvents inbound;

    @Override
    public Map<String, String> getProperties() {
        return KitTestContext.properties(false);
    }

    @Test
    void replayFromTheBeginning() throws Exception {
        int events = Integer.getInteger("dsr.measure.replay.events", 50_000);
        int partitions = 3;
        String topic = "kit-replay-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealKafka.get().bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        publish(topic, events);

        AtomicLong handled = new AtomicLong();
        String group = "kit-replay-" + UUID.randomUUID();
        EventHandlers handlers = EventHandlers.forConsumer(group)
                .on(EventTypes.REFERRAL_RECEIVED_V1, ReferralReceived.class, event -> handled.incrementAndGet())
                .build();
        long polls = 0;
        long processingNanos = 0;
        long decodingNanos = 0;
        Instant start;
        try (KafkaConsumer<String, byte[]> consumer = consumer(group)) {
            consumer.subscribe(List.of(topic));
            start = null;
            while (handled.get() < events) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                if (start == null) {
                    start = Instant.now();
                }
                long before = System.nanoTime();
                // What parsing and checking alone cost, measured on the same records first (not part of the rate).
                records.forEach(record -> CloudEventCodec.read(record.value()));
                long decoded = System.nanoTime();
                inbound.processBatch(records, handlers, consumer);
                processingNanos += System.nanoTime() - decoded;
                decodingNanos += decoded - before;
                consumer.commitSync();
                polls++;
            }
        }
        Duration took = Duration.between(start, Instant.now()).minusNanos(decodingNanos);
        double perSecond = events * 1000.0 / took.toMillis();
        System.out.printf("REPLAY %d events, %d partitions, %d polls (%.0f events/poll): %d ms, %.0f events/s, %s cores; "
                        + "processBatch %d ms in all (parse and schema check alone: %d ms), poll and commit the rest%n",
                events, partitions, polls, (double) events / polls, took.toMillis(), perSecond,
                Runtime.getRuntime().availableProcessors(), processingNanos / 1_000_000, decodingNanos / 1_000_000);
        assertThat(handled.get()).isEqualTo(events);
    }

    private static void publish(String topic, int events) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.get().bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < events; i++) {
                UUID personId = UUID.randomUUID();
                String data = """
                        {"referralId":"%s","personId":"%s","route":"PROFESSIONAL","locality":"SWINDON","ageBand":"AGE_25_TO_34",
                         "lifeStage":"ADULT","receivedAt":"2026-11-02T10:15:29Z"}""".formatted(UUID.randomUUID(), personId);
                byte[] value = CloudEventCodec.write(new CloudEventCodec.OutgoingEvent(UUID.randomUUID().toString(),
                        EventTypes.REFERRAL_RECEIVED_V1, personId.toString(), Instant.now(),
                        data.getBytes(StandardCharsets.UTF_8), null));
                producer.send(new ProducerRecord<>(topic, personId.toString(), value));
            }
            producer.flush();
        }
    }

    @SuppressWarnings("rawtypes")
    private KafkaConsumer<String, byte[]> consumer(String group) {
        Properties properties = new Properties();
        properties.putAll(context.getBean(AbstractKafkaConsumerConfiguration.class).getConfig());
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.get().bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.keySet().removeIf(key -> !ConsumerConfig.configNames().contains(key.toString()));
        return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
