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


/**
 * The whole DSR on one machine, without Docker: a real PostgreSQL (one database per service), a real Kafka broker,
 * every service and the gateway, each in its own process. Data lives in one directory and survives restarts.
 * Closing it (or Ctrl-C) stops everything; killing it stops everything too, since every child watches it.
 */
public final class LocalDsr implements AutoCloseable {

    /** The issuer name of the gateway's demo tokens; the services trust it in a local run. */
    public static final String DEMO_ISSUER = "dsr-local-demo-issuer";
    /** The audience of a local run's tokens (dsr.security.audience): the demo issuer mints them for it. */
    public static final String DEMO_AUDIENCE = "dsr-local";

    private final Options options;
    private final Servers servers;
    /** Replaced in place when a fault test restarts a service. */
    private final List<ServiceProcess> services;

    /**
     * How to run.
     *
     * @param repositoryRoot     where the modules' packaged jars are ({@code <module>/target/<module>.jar})
     * @param dataDirectory      PostgreSQL and Kafka data, logs and the demo signing key
     * @param ports              fixed ports for people, free ports for tests
     * @param jvmOptions         options for each service's JVM
     * @param durable            true: every commit waits for the disk (as in production); false: faster, for tests
     * @param movableClocks      true puts the test-clock module on each service's classpath, so a test can move time
     *                           ({@code POST /testing/clock} on a service); never for people or benchmarks
     * @param classDataSharing   true gives each service an AppCDS archive under the data directory (made on the first
     *                           start, used by later ones): a faster start for people who restart the DSR often
     */
    public record Options(Path repositoryRoot, Path dataDirectory, LocalPorts ports, List<String> jvmOptions,
                          boolean durable, boolean movableClocks, boolean classDataSharing) {

        /** Without class-data sharing. */
        public Options(Path repositoryRoot, Path dataDirectory, LocalPorts ports, List<String> jvmOptions,
                       boolean durable, boolean movableClocks) {
            this(repositoryRoot, dataDirectory, ports, jvmOptions, durable, movableClocks, false);
        }

        /**
         * Start-up first: C1 only (a service is ready in about half the time; its steady-state speed matters little
         * to one person trying the DSR), a small heap, the serial collector, and class-data sharing.
         */
        public static Options forPeople(Path repositoryRoot) {
            return new Options(repositoryRoot, repositoryRoot.resolve(".dsr-local"), LocalPorts.standard(),
                    PEOPLE_JVM_OPTIONS, true, false, true);
        }

        /** The start-up-first JVM options of {@link #forPeople}. */
        public static final List<String> PEOPLE_JVM_OPTIONS = List.of("-Xms64m", "-Xmx192m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Xss512k");

        /** Free ports, a throwaway data directory, quick-starting JVMs. */
        public static Options forTests(Path repositoryRoot, Path dataDirectory) {
            return new Options(repositoryRoot, dataDirectory, LocalPorts.free(),
                    List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k"), false, false);
        }

        /**
         * As for tests, but with fully optimising JITs (C1 then C2, as in production), for measuring: C1-only code
         * starts sooner but runs the hot paths several times slower, which would cripple every throughput figure.
         */
        public static Options forBenchmarks(Path repositoryRoot, Path dataDirectory) {
            return new Options(repositoryRoot, dataDirectory, LocalPorts.free(),
                    List.of("-Xmx384m", "-XX:+UseSerialGC"), true, false);
        }

        /** The same, with clocks a test can move. */
        public Options withMovableClocks() {
            return new Options(repositoryRoot, dataDirectory, ports, jvmOptions, durable, true, classDataSharing);
        }

        /** The same, started with these JVM options and class-data sharing on or off (the benchmark's start-up run). */
        public Options withJvm(List<String> otherJvmOptions, boolean withClassDataSharing) {
            return new Options(repositoryRoot, dataDirectory, ports, otherJvmOptions, durable, movableClocks,
                    withClassDataSharing);
        }
    }

    private LocalDsr(Options options, Servers servers, List<ServiceProcess> services) {
        this.options = options;
        this.servers = servers;
        this.services = services;
    }

    /** Starts embedded PostgreSQL and Kafka in the data directory, then the DSR on them. */
    public static LocalDsr start(Options options, Progress progress) {
        try {
            Files.createDirectories(options.dataDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Servers embedded = EmbeddedServers.start(options, progress);
        try {
            return startOn(embedded, options, progress);
        } catch (RuntimeException e) {
            embedded.stop();
            throw e;
        }
    }

    /**
     * Starts the DSR on servers that already run (every database of {@link Servers#databases()} exists). Closing it
     * stops the services and whatever {@link Servers#stop()} stops.
     */
    public static LocalDsr startOn(Servers servers, Options options, Progress progress) {
        List<ServiceProcess> started = new ArrayList<>();
        try {
            List<LocalComponent> backends = LocalComponent.all().stream().filter(c -> !c.isGateway()).toList();
            progress.say("  services (starting together; each migrates its database and joins Kafka):");
            for (LocalComponent component : backends) {
                started.add(launch(component, options, servers));
            }
            awaitAllReady(started, progress);

            long step = System.nanoTime();
            progress.step("gateway on port " + options.ports().of(LocalComponent.GATEWAY));
            LocalComponent gateway = LocalComponent.all().stream().filter(LocalComponent::isGateway).findFirst().orElseThrow();
            ServiceProcess gatewayProcess = launch(gateway, options, servers);
            started.add(gatewayProcess);
            gatewayProcess.awaitReady(Duration.ofSeconds(120));
            progress.done(since(step));
            return new LocalDsr(options, servers, started);
        } catch (RuntimeException e) {
            progress.say("failed");
            stopServices(started);
            throw e;
        }
    }

    public String gatewayUrl() {
        return "http://localhost:" + options.ports().of(LocalComponent.GATEWAY);
    }

    public String kafkaBootstrapServers() {
        return servers.kafkaBootstrapServers();
    }

    public String jdbcUrl(String database) {
        return servers.jdbcUrl(database);
    }

    /** The PostgreSQL user, for tools that open their own connections (the benchmark's baseline). */
    public String postgresUsername() {
        return servers.postgresUsername();
    }

    public String postgresPassword() {
        return servers.postgresPassword();
    }

    public Path logDirectory() {
        return options.dataDirectory().resolve("logs");
    }

    /** Each running process: name, pid, URL. */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new HashMap<>();
        services.forEach(service -> pids.put(service.name(), service.pid()));
        pids.putAll(servers.pids());
        return pids;
    }

    // ---- fault tests (./dsr-chaos): crashes and restarts of one part while the rest runs ----------------------

    /** The services and the gateway, by name, in start order. */
    public List<String> serviceNames() {
        return LocalComponent.all().stream().map(LocalComponent::name).toList();
    }

    /** Kills a service or the gateway with SIGKILL, as a crash would: no shutdown hooks, nothing finished. */
    public synchronized void kill(String name) {
        serviceNamed(name).kill();
    }

    /** Starts a killed service (or the gateway) again on the same port with the same settings; returns when ready. */
    public void restart(String name) {
        LocalComponent component = LocalComponent.all().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service " + name));
        ServiceProcess restarted = launch(component, options, servers);
        synchronized (this) {
            services.set(services.indexOf(serviceNamed(name)), restarted);
        }
        restarted.awaitReady(Duration.ofSeconds(180));
    }

    /** Kills the embedded Kafka broker with SIGKILL. */
    public void killKafka() {
        embedded().killKafka();
    }

    /** Starts the killed broker again on its data and ports; returns when it answers. */
    public void restartKafka() {
        embedded().restartKafka();
    }

    /** Stops the embedded PostgreSQL server abruptly (an immediate shutdown: connections cut, recovery at start). */
    public void stopPostgres() {
        embedded().stopPostgres();
    }

    /** Starts the stopped PostgreSQL server again on its data and port; returns when it accepts connections. */
    public void startPostgres() {
        embedded().startPostgres();
    }

    private synchronized ServiceProcess serviceNamed(String name) {
        return services.stream().filter(service -> service.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service " + name));
    }

    private EmbeddedServers embedded() {
        if (servers instanceof EmbeddedServers embedded) {
            return embedded;
        }
        throw new UnsupportedOperationException("Only servers this launcher started can be crashed and restarted");
    }

    /**
     * Stops in the order that loses nothing and logs no false alarm: the gateway first (no new requests), then the
     * services together (each finishes its work, its relay and consumers), and only then Kafka and PostgreSQL.
     */
    @Override
    public void close() {
        try {
            stopServices(services.stream().filter(service -> service.name().equals(LocalComponent.GATEWAY)).toList());
            stopServices(services.stream().filter(service -> !service.name().equals(LocalComponent.GATEWAY)).toList());
        } finally {
            servers.stop();
        }
    }

    private static ServiceProcess launch(LocalComponent component, Options options, Servers servers) {
        Map<String, String> environment = new HashMap<>();
        String gatewayUrl = "http://localhost:" + options.ports().of(LocalComponent.GATEWAY);
        environment.put("DSR_SECURITY_JWKS_URL", gatewayUrl + "/keys");
        environment.put("DSR_SECURITY_ISSUER", DEMO_ISSUER);
        // Required by every process; the demo issuer mints its tokens for it.
        environment.put("DSR_SECURITY_AUDIENCE", DEMO_AUDIENCE);
        if (component.database() != null) {
            environment.put("DATASOURCES_DEFAULT_URL", servers.jdbcUrl(component.database()));
            environment.put("DATASOURCES_DEFAULT_USERNAME", servers.postgresUsername());
            environment.put("DATASOURCES_DEFAULT_PASSWORD", servers.postgresPassword());
        }
        // Every service and the gateway, which publishes its access records (dsr.gateway.access; the embedded
        // broker creates topics on first use).
        environment.put("KAFKA_BOOTSTRAP_SERVERS", servers.kafkaBootstrapServers());
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
        List<String> jvmOptions = new ArrayList<>(options.jvmOptions());
        if (options.classDataSharing() && extraClasspath.isEmpty()) {
            // The archive is made for one classpath: with the test clock's jar added it would not fit.
            jvmOptions.addAll(new ClassDataSharing(options.dataDirectory().resolve("class-data"))
                    .jvmOptionsFor(component.name(), jar, options.jvmOptions()));
        }
        return ServiceProcess.start(component.name(), jar, extraClasspath, options.ports().of(component.name()),
                environment, properties, jvmOptions,
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

    /** Services stop in parallel (each takes a moment to finish its work). */
    private static void stopServices(List<ServiceProcess> services) {
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
