package org.opendsr.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A real Kafka 4.1 KRaft broker (broker and controller in one node) in a child JVM. The child's classpath
 * is the one Maven resolved for this module at build time, so the services keep their own kafka-clients.
 *
 * <p>The child exits when this JVM ends, however it ends (it watches its standard input, see
 * {@link KafkaBrokerMain}).
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final String CLASSPATH_RESOURCE = "kafka-broker.classpath";

    private final Settings settings;
    private final Process process;

    private EmbeddedKafkaBroker(Settings settings, Process process) {
        this.settings = settings;
        this.process = process;
    }

    /**
     * Where and how to run the broker.
     *
     * @param workDirectory  holds the broker's data, configuration and log; keep it to keep the topics
     * @param port           the client (PLAINTEXT) port on 127.0.0.1
     * @param controllerPort the KRaft controller port on 127.0.0.1
     * @param maxHeap        the child's -Xmx, e.g. "512m"
     * @param startupTimeout how long to wait for the broker to answer
     */
    public record Settings(Path workDirectory, int port, int controllerPort, String maxHeap, Duration startupTimeout) {
        public Settings {
            Objects.requireNonNull(workDirectory, "workDirectory");
            Objects.requireNonNull(maxHeap, "maxHeap");
            Objects.requireNonNull(startupTimeout, "startupTimeout");
        }

        /** Settings for a test: free ports, a small heap. */
        public static Settings forTests(Path workDirectory) {
            return new Settings(workDirectory, FreePorts.next(), FreePorts.next(), "512m", Duration.ofSeconds(90));
        }
    }

    public static EmbeddedKafkaBroker start(Settings settings) {
        try {
            Path work = Files.createDirectories(settings.workDirectory());
            Path dataDirectory = Files.createDirectories(work.resolve("data"));
            Path readyFile = work.resolve("ready");
            Files.deleteIfExists(readyFile);
            Path properties = writeServerProperties(work, dataDirectory, settings);
            Path log4j = writeLoggingConfiguration(work);
            Path log = work.resolve("broker.log");

            List<String> command = List.of(
                    ChildProcesses.javaExecutable(),
                    "-Xmx" + settings.maxHeap(),
                    "-XX:+UseSerialGC",
                    "-Djava.awt.headless=true",
                    "-Djava.io.tmpdir=" + work,
                    "-Dlog4j2.configurationFile=" + log4j,
                    "-cp", brokerClasspath(),
                    KafkaBrokerMain.class.getName(),
                    properties.toString(),
                    clusterId(work),
                    readyFile.toString(),
                    bootstrapServers(settings.port()));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(settings, process);
            broker.awaitReady(readyFile, log);
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded Kafka broker", e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers(settings.port());
    }

    public int port() {
        return settings.port();
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Stops the broker with a controlled shutdown (closing its standard input), forcibly if it takes too long. */
    @Override
    public void close() {
        ChildProcesses.stopByClosingInput(process, Duration.ofSeconds(30));
    }

    private void awaitReady(Path readyFile, Path log) {
        Instant deadline = Instant.now().plus(settings.startupTimeout());
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(readyFile)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("The embedded Kafka broker exited with code " + process.exitValue()
                        + ". Last lines of " + log + ":\n" + ChildProcesses.tail(log, 40));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                close();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while the Kafka broker was starting", e);
            }
        }
        close();
        throw new IllegalStateException("The embedded Kafka broker was not ready within " + settings.startupTimeout()
                + ". Last lines of " + log + ":\n" + ChildProcesses.tail(log, 40));
    }

    private static String bootstrapServers(int port) {
        return "127.0.0.1:" + port;
    }

    private static Path writeServerProperties(Path work, Path data, Settings settings) throws IOException {
        // A single combined node: every replication factor and min ISR is 1, and consumer groups start
        // without the usual 3 s rebalance delay (tests and the local run start many of them).
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + settings.controllerPort(),
                "listeners=PLAINTEXT://127.0.0.1:" + settings.port() + ",CONTROLLER://127.0.0.1:" + settings.controllerPort(),
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + settings.port(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + data,
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=3",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=168",
                "");
        Path file = work.resolve("server.properties");
        Files.writeString(file, properties);
        return file;
    }

    private static Path writeLoggingConfiguration(Path work) throws IOException {
        String config = String.join("\n",
                "status=error",
                "appender.console.type=Console",
                "appender.console.name=console",
                "appender.console.layout.type=PatternLayout",
                "appender.console.layout.pattern=%d{ISO8601} %-5p [%c{1}] %m%n",
                "rootLogger.level=WARN",
                "rootLogger.appenderRef.console.ref=console",
                "logger.kafka.name=kafka.server.KafkaRaftServer",
                "logger.kafka.level=INFO",
                "");
        Path file = work.resolve("log4j2.properties");
        Files.writeString(file, config);
        return file;
    }

    /** The cluster id is kept with the data: a broker restarted on the same data must present the same id. */
    private static String clusterId(Path work) throws IOException {
        Path file = work.resolve("cluster.id");
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        UUID uuid = UUID.randomUUID();
        byte[] bytes = java.nio.ByteBuffer.allocate(16)
                .putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits())
                .array();
        // Kafka's Uuid text form: 16 bytes, URL-safe base64 without padding (22 characters), not starting with '-'.
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).replace('-', 'A');
        Files.writeString(file, id);
        return id;
    }

    private static String brokerClasspath() throws IOException {
        List<String> entries = new ArrayList<>();
        entries.add(ChildProcesses.codeSourceOf(KafkaBrokerMain.class).toString());
        try (InputStream in = EmbeddedKafkaBroker.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + CLASSPATH_RESOURCE + ": build the embedded-servers module with Maven");
            }
            String resolved = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            for (String entry : resolved.split(java.io.File.pathSeparator)) {
                if (!Files.exists(Path.of(entry))) {
                    throw new IllegalStateException("The Kafka broker's classpath names " + entry
                            + ", which is missing: rebuild with ./mvnw install -DskipTests");
                }
                entries.add(entry);
            }
        }
        return ChildProcesses.classpath(entries);
    }
}
