package org.opendsr.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class EmbeddedServersTest {

    private static final Path WORK = Path.of(System.getProperty("java.io.tmpdir"));
    private static final Path BINARIES = WORK.resolve("pg-binaries");

    @Test
    void postgresAcceptsConnectionsAndCreatesDatabases() throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(
                EmbeddedPostgresServer.Settings.forTests(WORK.resolve("pg-" + System.nanoTime()), BINARIES))) {
            postgres.createDatabaseIfMissing("referral");
            postgres.createDatabaseIfMissing("referral");
            try (Connection connection = DriverManager.getConnection(
                    postgres.jdbcUrl("referral"), postgres.username(), postgres.password());
                 ResultSet result = connection.createStatement().executeQuery("SELECT current_database()")) {
                result.next();
                assertThat(result.getString(1)).isEqualTo("referral");
            }
        }
    }

    @Test
    void postgresKeepsItsDataAcrossRestartsWhenAskedTo() throws Exception {
        Path data = WORK.resolve("pg-kept-" + System.nanoTime());
        var settings = new EmbeddedPostgresServer.Settings(data, 0, true, BINARIES, true);
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(settings)) {
            postgres.createDatabaseIfMissing("kept");
        }
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(settings);
             Connection connection = DriverManager.getConnection(
                     postgres.jdbcUrl("kept"), postgres.username(), postgres.password())) {
            assertThat(connection.isValid(2)).isTrue();
        }
    }

    @Test
    void kafkaBrokerDeliversRecords() {
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(
                EmbeddedKafkaBroker.Settings.forTests(WORK.resolve("kafka-" + System.nanoTime())))) {
            try (var producer = new KafkaProducer<String, String>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("embedded.check", "key", "value")).get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            Properties consumerConfig = new Properties();
            consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "embedded-check");
            consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            try (var consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("embedded.check"));
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                    return records.count() == 1 && records.iterator().next().value().equals("value");
                });
            }
        }
    }

    @Test
    void nothingOutlivesAJvmKilledWithSignalNine() throws Exception {
        Process probe = new ProcessBuilder(ChildProcesses.javaExecutable(),
                "-Djava.io.tmpdir=" + WORK,
                "-cp", System.getProperty("java.class.path"),
                ServersThatOutliveTheirJvmProbe.class.getName(),
                WORK.resolve("orphan-" + System.nanoTime()).toString(),
                BINARIES.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        long postgresPid;
        long kafkaPid;
        try (var reader = new BufferedReader(new InputStreamReader(probe.getInputStream(), StandardCharsets.UTF_8))) {
            String line = reader.readLine();
            assertThat(line).as("the probe reports the pids of its servers").startsWith("pids ");
            String[] pids = line.split(" ");
            postgresPid = Long.parseLong(pids[1]);
            kafkaPid = Long.parseLong(pids[2]);
        }
        assertThat(ProcessHandle.of(postgresPid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
        assertThat(ProcessHandle.of(kafkaPid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

        probe.destroyForcibly(); // SIGKILL: no shutdown hook runs in the probe
        probe.waitFor(10, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
            assertThat(ProcessHandle.of(postgresPid).filter(ProcessHandle::isAlive)).as("postgres").isEmpty();
            assertThat(ProcessHandle.of(kafkaPid).filter(ProcessHandle::isAlive)).as("kafka").isEmpty();
        });
    }
}
