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
import java.util.Optional;
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
import org.opendsr.embedded.EmbeddedPostgresServer;
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
    private RunReport report;
    private List<Targets.Target> reportingTargets = List.of();
    private double stackReadySeconds = Double.NaN;

    /** A JVM that used less CPU than this in a warm-up round (0.2 s) was nearly idle: its compiler share is noise. */
    private static final long MIN_TICKS_OF_A_BUSY_JVM = 20;
    private static final int TUNED_LATENCY_RATE = 1000;
    private static final int TUNED_LATENCY_RECORDS = 3000;
    private static final int TUNED_THROUGHPUT_RECORDS = 50_000;
    private static final int AGENCY_WARM_UP_CAP = 200;

    private BenchmarkCommand(BenchmarkOptions options, Path repositoryRoot, Path dataDirectory, PrintStream out) {
        this.options = options;
        this.repositoryRoot = repositoryRoot;
        this.dataDirectory = dataDirectory;
        this.out = out;
        this.progress = Progress.to(out);
    }

    public static void main(String[] args) throws IOException {
        CommandLine.main(args, BenchmarkOptions.USAGE, BenchmarkOptions::parse, "benchmark-run-",
                (options, root, data) -> new BenchmarkCommand(options, root, data, System.out).run());
    }

    /** Returns the exit code: 0 all measured and clean, 1 the run failed, 2 measured but with errors or missing events. */
    private int run() {
        long started = System.nanoTime();
        if (options.reporting().only()) {
            out.printf("DSR benchmark, reporting phase only: %d people, %d facts, %d reads of each report, %d events"
                    + " for the rebuild%n", options.reporting().people(), options.reporting().facts(),
                    options.reporting().reads(), options.reporting().rebuildEvents());
        } else {
            out.printf("DSR benchmark: %d referrals, %d concurrent callers, %d warm-up calls before each measurement%n",
                    options.referrals(), options.concurrency(), options.warmUp());
        }
        Map<String, Object> machine = MachineFacts.read();
        out.println("Machine: " + MachineFacts.describe(machine));
        out.println("Data directory: " + dataDirectory);
        results.put("startedAt", Instant.now().toString());
        results.put("options", Map.of("referrals", options.referrals(), "concurrency", options.concurrency(),
                "warmUp", options.warmUp(), "reporting", options.reporting()));
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
            stackReadySeconds = seconds(System.nanoTime() - starting);
            results.put("startupSeconds", stackReadySeconds);
            progress.say(String.format("Stack ready in %.1f s (benchmark JVM options: full tiered JIT)", stackReadySeconds));
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
        if (!failed && !interrupted.get()) {
            Map<String, Object> stackReady = new LinkedHashMap<>();
            stackReady.put("benchmarkJvmOptions", stackReadySeconds);
            double readyForTarget = stackReadySeconds;
            if (options.startUp()) {
                Map<String, Double> startUps = measureStartUps();
                stackReady.putAll(startUps);
                readyForTarget = startUps.getOrDefault("localRunWithClassDataArchives", readyForTarget);
            }
            results.put("stack ready seconds", stackReady);
            List<Targets.Target> targets = new ArrayList<>();
            if (report != null) {
                targets.addAll(report.targets(readyForTarget));
            }
            targets.addAll(reportingTargets);
            if (!targets.isEmpty()) {
                RunReport.printTargets(out, targets);
                results.put("targets", targets.stream().map(Targets.Target::asJson).toList());
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
        CpuMeter cpu = new CpuMeter(processGroups(dsr));
        if (!options.reporting().only()) {
            measureJourney(dsr, cpu);
        }
        if (options.reporting().run()) {
            measureReporting(dsr, cpu);
        }
        results.put("postgresVersion", postgresVersion(dsr));
    }

    /**
     * The reporting phase (issue 14), last: its rebuild replaces the store the journey's report was read from, and
     * its seeded year would show in a journey report of a quarter.
     */
    private void measureReporting(LocalDsr dsr, CpuMeter cpu) throws Exception {
        ReportingPhase.Periods periods = ReportingPhase.Periods.before(java.time.YearMonth.now(ReportingPhase.ENGLAND));
        ReportingPhase.Result result = new ReportingPhase(dsr, repositoryRoot, options.reporting(), progress, problems)
                .run(cpu, periods);
        ReportingTable.print(out, result, periods, MachineFacts.cores());
        results.put("reporting", ReportingTable.asJson(result, periods));
        reportingTargets = ReportingTable.targets(result, periods.month());
    }

    private void measureJourney(LocalDsr dsr, CpuMeter cpu) throws Exception {
        int n = options.referrals();
        int callers = options.concurrency();
        int warmUp = options.warmUp();
        Map<String, CpuMeter.Usage> cpuByPhase = new LinkedHashMap<>();
        // Every referral of the run is about a different person (ReferralSample index), so no phase meets the
        // duplicates of another's people.
        int nextIndex = 0;
        long accepted = 0;

        // 1. Journey warm-up first, until compilation settles: it creates dsr.referral.events (whose partitions the
        //    Kafka baselines copy) and warms every service; then the report catches up so no backlog leaks onwards.
        ReferralJourney journey = new ReferralJourney(dsr.gatewayUrl(), dsr.kafkaBootstrapServers(), callers);
        String before = journey.reportTotal();
        if (!"0".equals(before)) {
            throw new IllegalStateException("A fresh system's report should show 0 referrals, it shows " + before);
        }
        long step = System.nanoTime();
        progress.say("Warming up the journey in rounds of " + warmUp + " referrals until the JIT compilers settle"
                + " (compiler threads under " + Math.round(options.jitSettledShare() * 100) + "% of each busy JVM's CPU,"
                + " at most " + options.warmUpCapSeconds() + " s):");
        WarmUp warm = warmUpUntilCompilationSettles(dsr, journey, nextIndex);
        nextIndex += warm.referrals();
        accepted += warm.accepted();
        awaitReport(journey, accepted, catchUpTimeout(warm.referrals()));
        progress.say(String.format("  warm-up: %d referrals in %.1f s, %s", warm.referrals(),
                seconds(System.nanoTime() - step), warm.settled() ? "compilation settled" : "NOT settled (cap reached)"));
        results.put("warmUp", warm.asJson(options));
        if (warm.accepted() != warm.referrals()) {
            problems.add((warm.referrals() - warm.accepted()) + " of " + warm.referrals()
                    + " warm-up referrals were not accepted (201)");
        }

        // 2. The SQL one referral runs, captured from referral-service itself.
        step = System.nanoTime();
        progress.step("capturing the SQL of one referral from PostgreSQL's statement log");
        int capturedIndex = nextIndex++;
        boolean[] capturedAccepted = new boolean[1];
        Optional<List<CapturedStatement>> captured = Optional.empty();
        try {
            captured = SqlCapture.capture(dsr, EmbeddedPostgresServer.serverLog(dataDirectory.resolve("postgres")),
                    () -> capturedAccepted[0] = journey.referOne(capturedIndex));
        } catch (Exception e) {
            problems.add("could not capture the referral's SQL: " + e);
        }
        if (capturedAccepted[0]) {
            accepted++;
        }
        progress.done(Duration.ofNanos(System.nanoTime() - step));
        if (captured.isEmpty() || captured.get().isEmpty()) {
            problems.add("the referral's SQL was not found in PostgreSQL's log: no replay baseline");
        } else {
            results.put("referralSql", Map.of("statements", captured.get().size(),
                    "sql", SqlCapture.describe(captured.get())));
        }

        // 3. Baselines: PostgreSQL alone, a minimal write and the captured statements replayed.
        step = System.nanoTime();
        progress.step("baseline: PostgreSQL, " + n + " minimal person+referral+outbox transactions"
                + (captured.map(list -> " and " + n + " replays of the referral's " + list.size() + " statements").orElse("")));
        ConcurrentCallers.Outcome postgres;
        ConcurrentCallers.Outcome replay = null;
        try (PostgresBaseline baseline = PostgresBaseline.prepare(dsr, repositoryRoot, callers)) {
            requireClean("PostgreSQL baseline warm-up", baseline.measure(warmUp));
            CpuMeter.Reading start = cpu.read();
            postgres = baseline.measure(n);
            cpuByPhase.put("postgresBaseline", CpuMeter.between(start, cpu.read()));
            if (captured.isPresent() && !captured.get().isEmpty()) {
                FreshValues fresh = new FreshValues(capturedIndex);
                requireClean("PostgreSQL replay warm-up", baseline.replay(warmUp, captured.get(), fresh, 0));
                start = cpu.read();
                replay = baseline.replay(n, captured.get(), fresh, warmUp);
                cpuByPhase.put("postgresReplay", CpuMeter.between(start, cpu.read()));
                requireClean("PostgreSQL replay", replay);
            }
        }
        progress.done(Duration.ofNanos(System.nanoTime() - step));
        requireClean("PostgreSQL baseline", postgres);

        // 4. Baselines: Kafka alone, a client configured like the relay, then a tuned pair.
        step = System.nanoTime();
        progress.step("baseline: Kafka, " + n + " records produced and consumed the relay's way");
        KafkaBaseline.Result kafka;
        int partitions = partitionsOf(dsr, ReferralJourney.REFERRAL_EVENTS);
        try (KafkaBaseline baseline = new KafkaBaseline(dsr.kafkaBootstrapServers(), partitions)) {
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
        step = System.nanoTime();
        progress.step("baseline: tuned Kafka pair, " + TUNED_LATENCY_RECORDS + " records at " + TUNED_LATENCY_RATE
                + "/s (linger 0) and " + TUNED_THROUGHPUT_RECORDS + " batched");
        TunedKafka tuned = new TunedKafka(dsr.kafkaBootstrapServers(), partitions);
        TunedKafka.LatencyResult tunedLatency;
        TunedKafka.ThroughputResult tunedThroughput;
        try {
            tuned.latency(TUNED_LATENCY_RATE, TUNED_LATENCY_RATE);
            tunedLatency = tuned.latency(TUNED_LATENCY_RECORDS, TUNED_LATENCY_RATE);
        } catch (Exception e) {
            problems.add("tuned Kafka pair (latency) failed: " + e);
            tunedLatency = new TunedKafka.LatencyResult(0, TUNED_LATENCY_RATE, Latencies.of(new long[0]), 0);
        }
        try {
            tuned.throughput(TUNED_THROUGHPUT_RECORDS / 5);
            tunedThroughput = tuned.throughput(TUNED_THROUGHPUT_RECORDS);
        } catch (Exception e) {
            // A broker too busy to take a batch within the producer's delivery timeout: say so, measure the rest.
            problems.add("tuned Kafka pair (throughput) failed: " + e + (e.getCause() == null ? "" : " / " + e.getCause()));
            tunedThroughput = new TunedKafka.ThroughputResult(TUNED_THROUGHPUT_RECORDS, Double.NaN, Double.NaN);
        }
        progress.done(Duration.ofNanos(System.nanoTime() - step));
        if (tunedLatency.missing() > 0) {
            problems.add("tuned Kafka pair: " + tunedLatency.missing() + " records were never consumed");
        }

        // 5. The journey at saturation: as many referrals as the callers can make.
        step = System.nanoTime();
        progress.step("journey: " + n + " referrals through the gateway, followed to the topic and the report");
        ReferralJourney.Result measured = journey.measure(n, nextIndex, accepted, catchUpTimeout(n), catchUpTimeout(n),
                cpu, journey.closedLoop());
        nextIndex += n;
        accepted += n - measured.ingest().failures();
        cpuByPhase.put("journeyIngest", measured.ingestCpu());
        cpuByPhase.put("journeyUntilCaughtUp", measured.wholeCpu());
        progress.done(Duration.ofNanos(System.nanoTime() - step));
        checkJourney("journey", n, measured);

        // 6. The journey at a steady pace, well below saturation: latencies as a user meets them.
        int pacedN = options.pacedReferrals();
        step = System.nanoTime();
        progress.step("paced journey: " + pacedN + " referrals at " + options.pacedRate() + "/s");
        ReferralJourney.Result paced = journey.measure(pacedN, nextIndex, accepted, catchUpTimeout(pacedN),
                catchUpTimeout(pacedN), cpu, (name, count, call) -> ConcurrentCallers.paced(name + "-paced", count,
                        options.pacedRate(), Math.max(32, callers * 4), call));
        nextIndex += pacedN;
        accepted += pacedN - paced.ingest().failures();
        cpuByPhase.put("pacedUntilCaughtUp", paced.wholeCpu());
        progress.done(Duration.ofNanos(System.nanoTime() - step));
        checkJourney("paced journey", pacedN, paced);

        // 7. Agency referrals on the topic: the consumer path's ingest.
        int agencyN = options.agencyEvents();
        int agencyWarmUp = Math.min(warmUp, AGENCY_WARM_UP_CAP);
        step = System.nanoTime();
        progress.step("agency ingest: " + agencyWarmUp + " warm-up then " + agencyN + " referral events on "
                + AgencyIngest.AGENCY_INBOUND);
        AgencyIngest agency = new AgencyIngest(dsr.kafkaBootstrapServers(), repositoryRoot);
        AgencyIngest.Result agencyWarm = agency.ingest(agencyWarmUp, nextIndex, catchUpTimeout(agencyWarmUp), cpu);
        nextIndex += agencyWarmUp;
        AgencyIngest.Result agencyResult = agency.ingest(agencyN, nextIndex, catchUpTimeout(agencyN), cpu);
        nextIndex += agencyN;
        cpuByPhase.put("agencyIngest", agencyResult.cpu());
        progress.done(Duration.ofNanos(System.nanoTime() - step));
        if (agencyWarm.seen() < agencyWarmUp || agencyResult.seen() < agencyN) {
            problems.add("agency ingest: " + (agencyWarmUp + agencyN - agencyWarm.seen() - agencyResult.seen())
                    + " agency referrals never appeared on " + ReferralJourney.REFERRAL_EVENTS
                    + " (see " + AgencyIngest.AGENCY_INBOUND + ".dlt and referral-service's log)");
        }

        // 8. A fresh consumer replaying the referral events from the beginning, parsing each.
        step = System.nanoTime();
        long events = tuned.endOffsetSum(ReferralJourney.REFERRAL_EVENTS);
        progress.step("replay: a fresh consumer reads all " + events + " events of " + ReferralJourney.REFERRAL_EVENTS
                + " from the beginning");
        ObjectMapper json = new ObjectMapper();
        double replayPerSecond = tuned.replay(ReferralJourney.REFERRAL_EVENTS, (int) events, record -> {
            try {
                json.readTree(record.value());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, Duration.ofMinutes(2));
        progress.done(Duration.ofNanos(System.nanoTime() - step));

        ResultsTable.print(out, options, postgres, kafka, measured, cpuByPhase, MachineFacts.cores());
        results.putAll(ResultsTable.asJson(postgres, kafka, measured, cpuByPhase));
        RunReport report = new RunReport(replay, tunedLatency, tunedThroughput, measured, paced, agencyResult,
                events, replayPerSecond, n, pacedN, options);
        this.report = report;
        report.print(out);
        results.putAll(report.asJson());
    }

    private void checkJourney(String what, int n, ReferralJourney.Result measured) {
        if (measured.ingest().failures() > 0) {
            problems.add(what + ": " + measured.ingest().failures() + " of " + n + " referrals were NOT accepted (201): "
                    + "by status " + measured.non201() + "; errors " + measured.ingest().firstErrors());
        }
        if (measured.notSeenOnTopic() > 0) {
            problems.add(what + ": " + measured.notSeenOnTopic() + " accepted referrals' events never reached "
                    + ReferralJourney.REFERRAL_EVENTS + " in time");
        }
        if (measured.reportDrainNanos() < 0) {
            problems.add(what + ": the report never showed every referral in time (last total "
                    + measured.lastReportTotal() + ")");
        }
    }

    /**
     * The warm-up's outcome.
     *
     * @param rounds each round's compiler share of each busy JVM's CPU
     */
    record WarmUp(int referrals, int accepted, boolean settled, double seconds, List<Map<String, Double>> rounds) {

        Map<String, Object> asJson(BenchmarkOptions options) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("referrals", referrals);
            json.put("roundSize", options.warmUp());
            json.put("seconds", Latencies.round(seconds));
            json.put("compilationSettled", settled);
            json.put("settledWhenCompilerShareBelow", options.jitSettledShare());
            json.put("capSeconds", options.warmUpCapSeconds());
            json.put("compilerShareOfCpuByRound", rounds);
            return json;
        }
    }

    /**
     * Rounds of {@code warmUp} referrals until, in the last round, every service JVM that did real work spent less
     * than the threshold of its CPU compiling (JIT compiler threads' CPU from /proc), or the cap is reached. After
     * a fixed 300 calls the compilers still took 35-48% of each JVM's CPU: a fixed count guesses, this measures.
     */
    private WarmUp warmUpUntilCompilationSettles(LocalDsr dsr, ReferralJourney journey, int firstIndex) {
        Map<String, Long> jvms = new LinkedHashMap<>();
        dsr.pids().entrySet().stream().filter(entry -> !entry.getKey().equals("kafka"))
                .sorted(Map.Entry.comparingByKey()).forEach(entry -> jvms.put(entry.getKey(), entry.getValue()));
        long started = System.nanoTime();
        long deadline = started + Duration.ofSeconds(options.warmUpCapSeconds()).toNanos();
        int referrals = 0;
        int accepted = 0;
        boolean settled = false;
        List<Map<String, Double>> rounds = new ArrayList<>();
        while (!settled && System.nanoTime() < deadline) {
            Map<String, JitActivity.Ticks> before = JitActivity.read(jvms);
            accepted += journey.warmUp(options.warmUp(), firstIndex + referrals);
            referrals += options.warmUp();
            Map<String, JitActivity.Ticks> window = JitActivity.between(before, JitActivity.read(jvms));
            settled = JitActivity.settled(window, options.jitSettledShare(), MIN_TICKS_OF_A_BUSY_JVM);
            Map<String, Double> shares = new LinkedHashMap<>();
            window.forEach((name, ticks) -> {
                if (ticks.total() >= MIN_TICKS_OF_A_BUSY_JVM) {
                    shares.put(name, Latencies.round(ticks.compilerShare()));
                }
            });
            rounds.add(shares);
            progress.say(String.format("  round %d (%d referrals): compiler threads' share of CPU %s", rounds.size(),
                    referrals, shares));
        }
        return new WarmUp(referrals, accepted, settled, seconds(System.nanoTime() - started), rounds);
    }

    /**
     * The whole stack's ready time as ./dsr-local starts it: with the options it had before (-Xmx256m, serial GC,
     * full tiered JIT), then with today's (C1 only, smaller heap) and class-data sharing, twice: the first start
     * makes the archives (when the services stop), the second maps them. Fresh data directory, free ports.
     */
    private Map<String, Double> measureStartUps() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        Path base = dataDirectory.resolve("start-up");
        LocalDsr.Options previous = LocalDsr.Options.forBenchmarks(repositoryRoot, base.resolve("previous"))
                .withJvm(List.of("-Xmx256m", "-XX:+UseSerialGC"), false);
        LocalDsr.Options today = LocalDsr.Options.forBenchmarks(repositoryRoot, base.resolve("today"))
                .withJvm(LocalDsr.Options.PEOPLE_JVM_OPTIONS, true);
        seconds.put("localRunPreviousOptions", timeStart("previous ./dsr-local JVM options", previous));
        seconds.put("localRunMakingClassDataArchives", timeStart("today's options, first start (makes the archives)", today));
        seconds.put("localRunWithClassDataArchives", timeStart("today's options with the archives", today));
        return seconds;
    }

    private double timeStart(String what, LocalDsr.Options startOptions) {
        out.println("Start-up: " + what + " ...");
        long starting = System.nanoTime();
        try (LocalDsr dsr = LocalDsr.start(startOptions, Progress.to(new PrintStream(PrintStream.nullOutputStream())))) {
            double took = seconds(System.nanoTime() - starting);
            out.printf("  stack ready in %.1f s%n", took);
            return took;
        } catch (RuntimeException e) {
            problems.add("start-up with " + what + " failed: " + e.getMessage());
            return Double.NaN;
        }
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
