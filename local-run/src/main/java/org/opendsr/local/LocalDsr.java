package org.opendsr.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import org.opendsr.embedded.EmbeddedKafkaBroker;
import org.opendsr.embedded.EmbeddedPostgresServer;

/**
 * The whole DSR on one machine, without Docker: a real PostgreSQL (one database per service), a real Kafka broker,
 * every service and the gateway, each in its own process. Data lives in one directory and survives restarts.
 * Closing it (or Ctrl-C) stops everything; killing it stops everything too, since every child watches it.
 */
public final class LocalDsr implements AutoCloseable {

    /** The issuer name of the gateway's demo tokens; the services trust it in a local run. */
    public static final String DEMO_ISSUER = "dsr-local-demo-issuer";

    private final Options options;
    private final EmbeddedPostgresServer postgres;
    private final EmbeddedKafkaBroker kafka;
    private final List<ServiceProcess> services;

    /**
     * How to run.
     *
     * @param repositoryRoot where the modules' packaged jars are ({@code <module>/target/<module>.jar})
     * @param dataDirectory  PostgreSQL and Kafka data, logs and the demo signing key
     * @param ports          fixed ports for people, free ports for tests
     * @param jvmOptions     options for each service's JVM
     * @param durable        true: every commit waits for the disk (as in production); false: faster, for tests
     * @param movableClocks  true puts the test-clock module on each service's classpath, so a test can move time
     *                       ({@code POST /testing/clock} on a service); never for people or benchmarks
     */
    public record Options(Path repositoryRoot, Path dataDirectory, LocalPorts ports, List<String> jvmOptions,
                          boolean durable, boolean movableClocks) {

        public static Options forPeople(Path repositoryRoot) {
            return new Options(repositoryRoot, repositoryRoot.resolve(".dsr-local"), LocalPorts.standard(),
                    List.of("-Xmx256m", "-XX:+UseSerialGC"), true, false);
        }

        /** Free ports, a throwaway data directory, quick-starting JVMs. */
        public static Options forTests(Path repositoryRoot, Path dataDirectory) {
            return new Options(repositoryRoot, dataDirectory, LocalPorts.free(),
                    List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k"), false, false);
        }

        /** As for tests, but with fully optimising JITs, for measuring. */
        public static Options forBenchmarks(Path repositoryRoot, Path dataDirectory) {
            return new Options(repositoryRoot, dataDirectory, LocalPorts.free(),
                    List.of("-Xmx384m", "-XX:+UseSerialGC"), true, false);
        }

        /** The same, with clocks a test can move. */
        public Options withMovableClocks() {
            return new Options(repositoryRoot, dataDirectory, ports, jvmOptions, durable, true);
        }
    }

    private LocalDsr(Options options, EmbeddedPostgresServer postgres, EmbeddedKafkaBroker kafka,
                     List<ServiceProcess> services) {
        this.options = options;
        this.postgres = postgres;
        this.kafka = kafka;
        this.services = services;
    }

    public static LocalDsr start(Options options, Progress progress) {
        Path data = options.dataDirectory();
        EmbeddedPostgresServer postgres = null;
        EmbeddedKafkaBroker kafka = null;
        List<ServiceProcess> started = new ArrayList<>();
        try {
            Files.createDirectories(data);
            long step = System.nanoTime();
            progress.step("PostgreSQL on port " + options.ports().postgres());
            postgres = EmbeddedPostgresServer.start(new EmbeddedPostgresServer.Settings(data.resolve("postgres"),
                    options.ports().postgres(), true, data.resolve("postgres-binaries"), options.durable()));
            for (LocalComponent component : LocalComponent.all()) {
                if (component.database() != null) {
                    postgres.createDatabaseIfMissing(component.database());
                }
            }
            progress.done(since(step));

            step = System.nanoTime();
            progress.step("Kafka on port " + options.ports().kafka());
            kafka = EmbeddedKafkaBroker.start(new EmbeddedKafkaBroker.Settings(data.resolve("kafka"),
                    options.ports().kafka(), options.ports().kafkaController(), "512m", Duration.ofSeconds(120)));
            progress.done(since(step));

            List<LocalComponent> backends = LocalComponent.all().stream().filter(c -> !c.isGateway()).toList();
            progress.say("  services (starting together; each migrates its database and joins Kafka):");
            for (LocalComponent component : backends) {
                started.add(launch(component, options, postgres, kafka));
            }
            awaitAllReady(started, progress);

            step = System.nanoTime();
            progress.step("gateway on port " + options.ports().of(LocalComponent.GATEWAY));
            LocalComponent gateway = LocalComponent.all().stream().filter(LocalComponent::isGateway).findFirst().orElseThrow();
            ServiceProcess gatewayProcess = launch(gateway, options, postgres, kafka);
            started.add(gatewayProcess);
            gatewayProcess.awaitReady(Duration.ofSeconds(120));
            progress.done(since(step));
            return new LocalDsr(options, postgres, kafka, started);
        } catch (RuntimeException | IOException e) {
            progress.say("failed");
            stopAll(started, kafka, postgres);
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) e;
        }
    }

    public String gatewayUrl() {
        return "http://localhost:" + options.ports().of(LocalComponent.GATEWAY);
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    /** The PostgreSQL superuser, for tools that open their own connections (the benchmark's baseline). */
    public String postgresUsername() {
        return postgres.username();
    }

    /** The embedded server trusts local connections, so any password works; this is the one the services use. */
    public String postgresPassword() {
        return postgres.password();
    }

    public Path logDirectory() {
        return options.dataDirectory().resolve("logs");
    }

    /** Each running process: name, pid, URL. */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new HashMap<>();
        services.forEach(service -> pids.put(service.name(), service.pid()));
        pids.put("kafka", kafka.pid());
        return pids;
    }

    @Override
    public void close() {
        stopAll(services, kafka, postgres);
    }

    private static ServiceProcess launch(LocalComponent component, Options options, EmbeddedPostgresServer postgres,
                                         EmbeddedKafkaBroker kafka) {
        Map<String, String> environment = new HashMap<>();
        String gatewayUrl = "http://localhost:" + options.ports().of(LocalComponent.GATEWAY);
        environment.put("DSR_SECURITY_JWKS_URL", gatewayUrl + "/keys");
        environment.put("DSR_SECURITY_ISSUER", DEMO_ISSUER);
        if (component.database() != null) {
            environment.put("DATASOURCES_DEFAULT_URL", postgres.jdbcUrl(component.database()));
            environment.put("DATASOURCES_DEFAULT_USERNAME", postgres.username());
            environment.put("DATASOURCES_DEFAULT_PASSWORD", postgres.password());
            environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        }
        Map<String, String> properties = new HashMap<>(component.systemProperties());
        if (component.isGateway()) {
            properties.put("dsr.gateway.demo-issuer.key-file",
                    options.dataDirectory().resolve("gateway").resolve("demo-signing-key.json").toString());
            for (LocalComponent backend : LocalComponent.all()) {
                if (!backend.isGateway()) {
                    properties.put("dsr.gateway.services." + backend.name() + ".url",
                            "http://localhost:" + options.ports().of(backend.name()));
                }
            }
        }
        Path jar = options.repositoryRoot().resolve(component.name()).resolve("target").resolve(component.name() + ".jar");
        List<Path> extraClasspath = List.of();
        if (options.movableClocks() && !component.isGateway()) {
            extraClasspath = List.of(testClockJar(options.repositoryRoot()));
            // The test clock is off unless asked for (org.opendsr.testclock.ClockControl.PROPERTY).
            properties.put("dsr.testing.clock-control", "true");
        }
        return ServiceProcess.start(component.name(), jar, extraClasspath, options.ports().of(component.name()),
                environment, properties, options.jvmOptions(),
                options.dataDirectory().resolve("logs").resolve(component.name() + ".log"));
    }

    private static Path testClockJar(Path repositoryRoot) {
        try (Stream<Path> jars = Files.list(repositoryRoot.resolve("test-clock").resolve("target"))) {
            return jars.filter(path -> path.getFileName().toString().matches("test-clock-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("test-clock is not built: ./mvnw -DskipTests package"));
        } catch (IOException e) {
            throw new UncheckedIOException("test-clock is not built: ./mvnw -DskipTests package", e);
        }
    }

    /** The URL of one service (not through the gateway), e.g. for a test's clock control. */
    public String serviceUrl(String component) {
        return "http://localhost:" + options.ports().of(component);
    }

    /** Waits for services started together, saying each one's name as it becomes ready, so nobody waits in silence. */
    private static void awaitAllReady(List<ServiceProcess> services, Progress progress) {
        long since = System.nanoTime();
        ExecutorService waiting = Executors.newFixedThreadPool(services.size());
        try {
            CompletionService<ServiceProcess> readiness = new ExecutorCompletionService<>(waiting);
            services.forEach(service -> readiness.submit(() -> {
                service.awaitReady(Duration.ofSeconds(180));
                return service;
            }));
            for (int i = 0; i < services.size(); i++) {
                try {
                    ServiceProcess ready = readiness.take().get();
                    progress.say(String.format("    %s on port %d ... ok (%.1f s)", ready.name(), ready.port(),
                            since(since).toMillis() / 1000.0));
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        } finally {
            waiting.shutdownNow();
        }
    }

    private static void stopAll(List<ServiceProcess> services, EmbeddedKafkaBroker kafka, EmbeddedPostgresServer postgres) {
        // Services stop in parallel (each takes a moment to finish its work), then the broker, then the database.
        CountDownLatch stopped = new CountDownLatch(services.size());
        for (ServiceProcess service : services) {
            Thread stopper = new Thread(() -> {
                try {
                    service.close();
                } finally {
                    stopped.countDown();
                }
            }, "stop-" + service.name());
            stopper.start();
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Deletes a data directory (the documented reset). */
    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
