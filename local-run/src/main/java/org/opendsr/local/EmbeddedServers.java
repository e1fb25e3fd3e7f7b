package org.opendsr.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.opendsr.embedded.EmbeddedKafkaBroker;
import org.opendsr.embedded.EmbeddedPostgresServer;

/** A real PostgreSQL (a database per service) and a real Kafka broker, started in the data directory, no Docker. */
final class EmbeddedServers implements Servers {

    private final EmbeddedPostgresServer postgres;
    private final EmbeddedKafkaBroker.Settings kafkaSettings;
    private volatile EmbeddedKafkaBroker kafka;

    private EmbeddedServers(EmbeddedPostgresServer postgres, EmbeddedKafkaBroker kafka,
                            EmbeddedKafkaBroker.Settings kafkaSettings) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.kafkaSettings = kafkaSettings;
    }

    static EmbeddedServers start(LocalDsr.Options options, Progress progress) {
        Path data = options.dataDirectory();
        long step = System.nanoTime();
        progress.step("PostgreSQL on port " + options.ports().postgres());
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(new EmbeddedPostgresServer.Settings(
                data.resolve("postgres"), options.ports().postgres(), true, data.resolve("postgres-binaries"),
                options.durable()));
        try {
            Servers.databases().forEach(postgres::createDatabaseIfMissing);
            progress.done(since(step));

            step = System.nanoTime();
            progress.step("Kafka on port " + options.ports().kafka());
            EmbeddedKafkaBroker.Settings kafkaSettings = new EmbeddedKafkaBroker.Settings(data.resolve("kafka"),
                    options.ports().kafka(), options.ports().kafkaController(), "512m", Duration.ofSeconds(120));
            EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(kafkaSettings);
            progress.done(since(step));
            return new EmbeddedServers(postgres, kafka, kafkaSettings);
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    @Override
    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    /** The PostgreSQL superuser, for tools that open their own connections (the benchmark's baseline). */
    @Override
    public String postgresUsername() {
        return postgres.username();
    }

    /** The embedded server trusts local connections, so any password works; this is the one the services use. */
    @Override
    public String postgresPassword() {
        return postgres.password();
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public Map<String, Long> pids() {
        return Map.of("kafka", kafka.pid());
    }

    /** Fault tests: the broker dies as in a crash (SIGKILL), with no controlled shutdown. */
    void killKafka() {
        ProcessHandle.of(kafka.pid()).ifPresent(process -> {
            process.destroyForcibly();
            process.onExit().join();
        });
    }

    /** Fault tests: the broker starts again on its data, ports and cluster id, and is ready when this returns. */
    void restartKafka() {
        kafka = EmbeddedKafkaBroker.start(kafkaSettings);
    }

    /** Fault tests: PostgreSQL stops as in a crash; {@link #startPostgres()} brings it back. */
    void stopPostgres() {
        postgres.stopAbruptly();
    }

    void startPostgres() {
        postgres.startAgain();
    }

    /** The broker first (it may still be writing), then the database. */
    @Override
    public void stop() {
        try {
            kafka.close();
        } finally {
            postgres.close();
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
