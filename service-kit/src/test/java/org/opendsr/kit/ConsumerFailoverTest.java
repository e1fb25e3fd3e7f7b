package org.opendsr.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.micronaut.configuration.kafka.config.AbstractKafkaConsumerConfiguration;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.testkit.RealKafka;

/**
 * A consumer that dies without leaving its group (kill -9, a lost node) must not hold its partitions for the
 * default 45 s: the kit's consumers give them up within about 10 s (see DsrConsumerSettings).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsumerFailoverTest implements TestPropertyProvider {

    @Inject
    ApplicationContext context;

    @Override
    public Map<String, String> getProperties() {
        return KitTestContext.properties(false);
    }

    @Test
    void everyListenersConsumerIsConfiguredToFailOverWithinAboutTenSecondsAndToPollInBatches() {
        Properties consumer = listenerConsumerProperties();

        assertThat(consumer.getProperty(ConsumerConfig.GROUP_PROTOCOL_CONFIG)).isEqualTo("classic");
        int sessionTimeout = Integer.parseInt(consumer.getProperty(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG));
        assertThat(sessionTimeout).isBetween(6_000, 10_000);
        assertThat(Integer.parseInt(consumer.getProperty(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG)))
                .isLessThanOrEqualTo(sessionTimeout / 3);
        assertThat(consumer.getProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG)).isEqualTo("1000");
        assertThat(consumer.getProperty(ConsumerConfig.FETCH_MIN_BYTES_CONFIG)).isEqualTo("1");
        assertThat(consumer.getProperty(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG)).isEqualTo("500");
        assertThat(consumer.getProperty(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG)).isEqualTo("1048576");
    }

    @Test
    void aMemberThatStopsWithoutLeavingLosesItsPartitionToAnotherWithinFifteenSeconds() throws Exception {
        String topic = "kit-failover-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealKafka.get().bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        String group = "kit-failover-" + UUID.randomUUID();
        KafkaConsumer<String, byte[]> dying = consumer(group, false);
        KafkaConsumer<String, byte[]> survivor = consumer(group, true);
        List<KafkaConsumer<String, byte[]>> both = new ArrayList<>(List.of(dying, survivor));
        try {
            dying.subscribe(List.of(topic));
            survivor.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                both.forEach(member -> member.poll(Duration.ofMillis(100)));
                return dying.assignment().size() == 1 && survivor.assignment().size() == 1;
            });

            // As after kill -9: no more heartbeats, and no LeaveGroup either.
            dying.close(Duration.ZERO);
            both.remove(dying);

            await().atMost(Duration.ofSeconds(15)).until(() -> {
                survivor.poll(Duration.ofMillis(100));
                return survivor.assignment().size() == 2;
            });
        } finally {
            both.forEach(KafkaConsumer::close);
        }
    }

    /** What micronaut-kafka builds each listener's consumer from: its default consumer configuration. */
    @SuppressWarnings("rawtypes")
    private Properties listenerConsumerProperties() {
        Properties properties = new Properties();
        properties.putAll(context.getBean(AbstractKafkaConsumerConfiguration.class).getConfig());
        return properties;
    }

    private KafkaConsumer<String, byte[]> consumer(String group, boolean leaveGroupOnClose) {
        Properties properties = listenerConsumerProperties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.get().bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put("internal.leave.group.on.close", Boolean.toString(leaveGroupOnClose));
        properties.keySet().removeIf(key -> !ConsumerConfig.configNames().contains(key.toString())
                && !key.toString().equals("internal.leave.group.on.close"));
        return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
