package org.opendsr.testkit;

import org.opendsr.embedded.EmbeddedKafkaBroker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The real Kafka broker of this test JVM, started once, in this order of preference: the brokers named by
 * {@code DSR_TEST_KAFKA_BOOTSTRAP_SERVERS}; a Testcontainers Kafka when Docker is available; otherwise a real
 * Kafka 4.1 KRaft broker in a child JVM, which ends with this JVM even on kill -9.
 */
public final class RealKafka {

    private static final Logger LOG = LoggerFactory.getLogger(RealKafka.class);
    private final String bootstrapServers;
    private final String origin;

    private RealKafka(String bootstrapServers, String origin) {
        this.bootstrapServers = bootstrapServers;
        this.origin = origin;
    }

    /** Started on first use, once per JVM (the holder class is initialised exactly once, thread-safely). */
    public static RealKafka get() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        private static final RealKafka INSTANCE = start();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Where the broker came from: environment, testcontainers or embedded. */
    public String origin() {
        return origin;
    }

    private static RealKafka start() {
        String bootstrap = System.getenv("DSR_TEST_KAFKA_BOOTSTRAP_SERVERS");
        if (bootstrap != null && !bootstrap.isBlank()) {
            LOG.info("Tests use the Kafka named by DSR_TEST_KAFKA_BOOTSTRAP_SERVERS");
            return new RealKafka(bootstrap, "environment");
        }
        if (RealPostgres.DockerAvailability.isDockerAvailable()) {
            KafkaContainer container = new KafkaContainer("apache/kafka:4.1.1");
            container.start();
            LOG.info("Tests use a Testcontainers Kafka");
            return new RealKafka(container.getBootstrapServers(), "testcontainers");
        }
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(
                EmbeddedKafkaBroker.Settings.forTests(TestWorkDirectory.of("kafka")));
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "stop-embedded-kafka"));
        LOG.info("Tests use an embedded Kafka broker at {}", broker.bootstrapServers());
        return new RealKafka(broker.bootstrapServers(), "embedded");
    }
}
