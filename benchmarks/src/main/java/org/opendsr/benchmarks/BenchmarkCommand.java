package org.opendsr.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.opendsr.local.LocalDsr;
import org.opendsr.local.Progress;

/**
 * {@code ./dsr-benchmark}: starts the whole DSR on this machine and measures, in one run and against the same
 * PostgreSQL server and Kafka broker, (1) raw PostgreSQL and Kafka baselines and (2) the referral journey through
 * the system, then prints the journey's figures as ratios of the baselines. Machines are noisy; a ratio against
 * a baseline taken minutes earlier on the same machine is comparable between runs, an absolute number is not.
 */
public final class BenchmarkCommand {

    /** Waits for the system to catch up: generous, and longer for longer runs, since a slow stage is a finding. */
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration CATCH_UP_TIMEOUT_PER_CALL = Duration.ofMillis(50);

    private final BenchmarkOptions options;
    private final Path repositoryRoot;
    private final Path dataDirectory;
    private final PrintStream out;
    private final Progress progress;
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    private BenchmarkCommand(BenchmarkOptions options, Path repositoryRoot, Path dataDirectory, PrintStream out) {
        this.options = options;
        this.repositoryRoot = repositoryRoot;
        this.dataDirectory = dataDirectory;
        this.out = out;
        this.progress = Progress.to(out);
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = System.out;
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.println(BenchmarkOptions.USAGE);
            return;
        }
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(BenchmarkOptions.USAGE);
            System.exit(64);
            return;
        }
        Path root = Path.of(System.getProperty("dsr.repository.root", ".")).toAbsolutePath().normalize();
        Path target = Files.createDirectories(root.resolve("benchmarks").resolve("target"));
        Path data = Files.createTempDirectory(target, "benchmark-run-");
        System.exit(new BenchmarkCommand(options, root, data, out).run());
    }

    /** Returns the exit code: 0 all measured and clean, 1 the run failed, 2 measured but with errors or missing events. */
    private int run() {
        long started = System.nanoTime();
        out.printf("DSR benchmark: %d referrals, %d concurrent callers, %d warm-up calls before each measurement%n",
                options.referrals(), options.concurrency(), options.warmUp());
        Map<String, Object> machine = MachineFacts.read();
        out.println("Machine: " + MachineFacts.describe(machine));
        out.println("Data directory: " + dataDirectory);
        results.put("startedAt", Instant.now().toString());
        results.put("options", Map.of("referrals", options.referrals(), "concurrency", options.concurrency(),
                "warmUp", options.warmUp()));
        results.put("machine", machine);

        AtomicBoolean stopped = new AtomicBoolean();
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicReference<LocalDsr> running = new AtomicReference<>();
        // Ctrl-C: stop the system here too (the children would also stop on their own when this JVM ends).
        Thread onInterrupt = new Thread(() -> {
            interrupted.set(true);
            out.println();
            out.println("Interrupted: stopping the DSR; the data directory is kept: " + dataDirectory);
            stop(running.get(), stopped);
        }, "stop-dsr");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        boolean failed = true;
        try {
            out.println("Starting the DSR (PostgreSQL, Kafka, five services, gateway) ...");
            long starting = System.nanoTime();
            running.set(LocalDsr.start(LocalDsr.Options.forBenchmarks(repositoryRoot, dataDirectory), progress));
            results.put("startupSeconds", seconds(System.nanoTime() - starting));
            measure(running.get());
            failed = false;
        } catch (Exception e) {
            if (interrupted.get()) {
                return 130; // the system is being stopped under our feet: whatever failed, failed for that
            }
            out.println();
            out.println("THE BENCHMARK FAILED: " + e);
            e.printStackTrace(out);
            out.println("Service logs: " + dataDirectory.resolve("logs"));
        } finally {
            out.println("Stopping the DSR ...");
            stop(running.get(), stopped);
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException alreadyShuttingDown) {
                // Ctrl-C: the hook is stopping the system
            }
        }
        double total = seconds(System.nanoTime() - started);
        results.put("totalSeconds", total);
        results.put("problems", problems);
        if (!failed) {
            writeResults();
        }
        out.printf("Total time: %.1f s%n", total);
        if (failed || options.keepData()) {
            out.println("Data directory kept for inspection: " + dataDirectory);
        } else {
            deleteRecursively(dataDirectory);
            out.println("Data directory deleted (keep it with --keep-data).");
        }
        if (failed) {
            return 1;
        }
        if (!problems.isEmpty()) {
            out.println();
            out.println("!!! THE RUN WAS NOT CLEAN; ITS NUMBERS ARE SUSPECT:");
            problems.forEach(problem -> out.println("!!!   " + problem));
            return 2;
        }
        return 0;
    }

    private void measure(LocalDsr dsr) throws Exception {
        int n = options.referrals();
        int callers = options.concurrency();
        int warmUp = options.warmUp();
        CpuMeter cpu = new CpuMeter(processGroups(dsr));
        Map<String, CpuMeter.Usage> cpuByPhase = new LinkedHashMap<>();

        // 1. Journey warm-up first: it creates dsr.referral.events (whose partitions the Kafka baseline copies) and
        //    warms every service, then the report is left to catch up so no backlog leaks into the baselines.
        ReferralJourney journey = new ReferralJourney(dsr.gatewayUrl(), dsr.kafkaBootstrapServers(), callers);
        String before = journey.reportTotal();
        if (!"0".equals(before)) {
            throw new IllegalStateException("A fresh system's report should show 0 referrals, it shows " + before);
        }
        long step = System.nanoTime();
        progress.step("warming up the journey (" + warmUp + " referrals) and letting the report catch up");
        int acceptedInWarmUp = journey.warmUp(warmUp);
        awaitReport(journey, acceptedInWarmUp, catchUpTimeout(warmUp));
        progress.done(Duration.ofNanos(System.nanoTime() - step));
        if (acceptedInWarmUp != warmUp) {
            problems.add((warmUp - acceptedInWarmUp) + " of " + warmUp + " warm-up referrals were not accepted (201)");
        }

        // 2. Baseline: PostgreSQL alone.
        step = System.nanoTime();
        progress.step("baseline: PostgreSQL, " + n + " person+referral+outbox transactions");
        ConcurrentCallers.Outcome postgres;
        try (PostgresBaseline baseline = PostgresBaseline.prepare(dsr, repositoryRoot, callers)) {
            requireClean("PostgreSQL baseline warm-up", baseline.measure(warmUp));
            CpuMeter.Reading start = cpu.read();
            postgres = baseline.measure(n);
            cpuByPhase.put("postgresBaseline", CpuMeter.between(start, cpu.read()));
        }
        progress.done(Duration.ofNanos(System.nanoTime() - step));
        requireClean("PostgreSQL baseline", postgres);

        // 3. Baseline: Kafka alone.
        step = System.nanoTime();
        progress.step("baseline: Kafka, " + n + " records produced and consumed");
        KafkaBaseline.Result kafka;
        try (KafkaBaseline baseline = new KafkaBaseline(dsr.kafkaBootstrapServers(), partitionsOf(dsr, ReferralJourney.REFERRAL_EVENTS))) {
            baseline.warmUp(warmUp, callers);
            CpuMeter.Reading start = cpu.read();
            kafka = baseline.measure(n, callers, catchUpTimeout(n));
            cpuByPhase.put("kafkaBaseline", CpuMeter.between(start, cpu.read()));
        }
        progress.done(Duration.ofNanos(System.nanoTime() - step));
        requireClean("Kafka baseline", kafka.produced());
        if (kafka.missing() > 0) {
            problems.add("Kafka baseline: " + kafka.missing() + " records were never consumed");
        }

        // 4. The journey.
        step = System.nanoTime();
        progress.step("journey: " + n + " referrals through the gateway, followed to the topic and the report");
        ReferralJourney.Result measured = journey.measure(n, acceptedInWarmUp, catchUpTimeout(n), catchUpTimeout(n), cpu);
        cpuByPhase.put("journeyIngest", measured.ingestCpu());
        progress.done(Duration.ofNanos(System.nanoTime() - step));
        if (measured.ingest().failures() > 0) {
            problems.add(measured.ingest().failures() + " of " + n + " referrals were NOT accepted (201): by status "
                    + measured.non201() + "; errors " + measured.ingest().firstErrors());
        }
        if (measured.notSeenOnTopic() > 0) {
            problems.add(measured.notSeenOnTopic() + " accepted referrals' events never reached "
                    + ReferralJourney.REFERRAL_EVENTS + " within " + catchUpTimeout(n).toSeconds() + " s");
        }
        if (measured.reportDrainNanos() < 0) {
            problems.add("the report never showed every referral within " + catchUpTimeout(n).toSeconds()
                    + " s (last total " + measured.lastReportTotal() + ")");
        }

        ResultsTable.print(out, options, postgres, kafka, measured, cpuByPhase, MachineFacts.cores());
        results.putAll(ResultsTable.asJson(postgres, kafka, measured, cpuByPhase));
        results.put("postgresVersion", postgresVersion(dsr));
    }

    /** Waits until the report shows this many referrals (as published); warm-up only, so its time is not reported. */
    private static void awaitReport(ReferralJourney journey, long referrals, Duration timeout) throws Exception {
        String expected = ReportDrain.publishedTotal(referrals);
        long deadline = System.nanoTime() + timeout.toNanos();
        String total = journey.reportTotal();
        while (!expected.equals(total)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The report never showed the warm-up's " + referrals
                        + " referrals (expected " + expected + ", shows " + total + ")");
            }
            Thread.sleep(ReportDrain.POLL_INTERVAL.toMillis());
            total = journey.reportTotal();
        }
    }

    private static Duration catchUpTimeout(int calls) {
        return CATCH_UP_TIMEOUT.plus(CATCH_UP_TIMEOUT_PER_CALL.multipliedBy(calls));
    }

    private void requireClean(String what, ConcurrentCallers.Outcome outcome) {
        if (outcome.failures() > 0) {
            problems.add(what + ": " + outcome.failures() + " of " + outcome.calls() + " calls failed, e.g. "
                    + outcome.firstErrors());
        }
    }

    private static int partitionsOf(LocalDsr dsr, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, dsr.kafkaBootstrapServers()))) {
            return admin.describeTopics(Set.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
        }
    }

    /** Each process of the system, PostgreSQL as one group (server and backends), and this benchmark's own JVM. */
    private Map<String, Supplier<List<ProcessHandle>>> processGroups(LocalDsr dsr) {
        Map<String, Supplier<List<ProcessHandle>>> groups = new LinkedHashMap<>();
        dsr.pids().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry ->
                groups.put(entry.getKey(), () -> ProcessHandle.of(entry.getValue()).stream().toList()));
        String postgresData = dataDirectory.resolve("postgres").toString();
        groups.put("postgres", () -> ProcessHandle.allProcesses()
                .filter(process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(false))
                .filter(process -> process.info().commandLine().map(line -> line.contains(postgresData)).orElse(false))
                .flatMap(server -> Stream.concat(Stream.of(server), server.descendants()))
                .toList());
        groups.put("benchmark (this JVM)", () -> List.of(ProcessHandle.current()));
        return groups;
    }

    private static String postgresVersion(LocalDsr dsr) {
        try (Connection connection = DriverManager.getConnection(dsr.jdbcUrl("postgres"), dsr.postgresUsername(),
                dsr.postgresPassword());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SHOW server_version")) {
            result.next();
            return result.getString(1);
        } catch (Exception e) {
            return "unknown";
        }
    }

    private void writeResults() {
        Path file = repositoryRoot.resolve("benchmarks").resolve("target").resolve("benchmark-results.json");
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), results);
            out.println("Results written to " + file);
        } catch (IOException e) {
            out.println("Could not write " + file + ": " + e);
        }
    }

    private static void stop(LocalDsr dsr, AtomicBoolean stopped) {
        if (dsr != null && stopped.compareAndSet(false, true)) {
            dsr.close();
        }
    }

    private static double seconds(long nanos) {
        return Latencies.round(nanos / 1e9);
    }

    private void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            out.println("Could not delete " + directory + " entirely: " + e);
        }
    }
}
