package org.opendsr.benchmarks.chaos;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.opendsr.benchmarks.CommandLine;
import org.opendsr.local.LocalDsr;
import org.opendsr.local.Progress;

/**
 * {@code ./dsr-chaos}: starts the whole DSR, runs faults through its public interfaces while referrals flow
 * (kill -9 of each service and of the broker, PostgreSQL stopped, bad agency events, fuzzed requests), then
 * reconciles what was accepted against what the system holds and prints lost / duplicated / stalled /
 * unexpected-5xx counts and the consumer failover time. Exit code 0 only when every count is 0.
 */
public final class ChaosCommand {

    private static final int TAIL_OF_VALID_EVENTS = 30;

    private final ChaosOptions options;
    private final Path repositoryRoot;
    private final Path dataDirectory;
    private final PrintStream out;
    private final Progress progress;

    private ChaosCommand(ChaosOptions options, Path repositoryRoot, Path dataDirectory, PrintStream out) {
        this.options = options;
        this.repositoryRoot = repositoryRoot;
        this.dataDirectory = dataDirectory;
        this.out = out;
        this.progress = Progress.to(out);
    }

    public static void main(String[] args) throws IOException {
        CommandLine.main(args, ChaosOptions.USAGE, ChaosOptions::parse, "chaos-run-",
                (options, root, data) -> new ChaosCommand(options, root, data, System.out).run());
    }

    /** 0: nothing lost, duplicated, stalled, no unexpected 5xx, nothing slow; 2: some count is not 0; 1: the run failed. */
    private int run() {
        long started = System.nanoTime();
        out.printf("DSR fault tests: seed %d; %.1f referrals/s and %.1f agency events/s during the faults; "
                        + "%d bad events; %d fuzzed requests%n", options.seed(), options.referralRate(),
                options.agencyRate(), options.badEvents(), options.fuzzedRequests());
        out.println("Data directory: " + dataDirectory);
        LocalDsr dsr = null;
        int exit = 1;
        try {
            progress.say("Starting the DSR (PostgreSQL, Kafka, five services, gateway) ...");
            // Durable commits, as in production: with synchronous_commit off, PostgreSQL stopped abruptly would lose
            // transactions already acknowledged, and the run would report losses the system does not have.
            dsr = LocalDsr.start(LocalDsr.Options.forBenchmarks(repositoryRoot, dataDirectory), progress);
            exit = runOn(dsr);
        } catch (Exception e) {
            out.println();
            out.println("THE FAULT TESTS FAILED TO RUN: " + e);
            e.printStackTrace(out);
            out.println("Service logs: " + dataDirectory.resolve("logs"));
        } finally {
            if (dsr != null) {
                out.println("Stopping the DSR ...");
                dsr.close();
            }
        }
        out.printf("Total time: %.1f s%n", (System.nanoTime() - started) / 1e9);
        if (exit == 1 || options.keepData()) {
            out.println("Data directory kept for inspection: " + dataDirectory);
        } else {
            deleteRecursively(dataDirectory);
        }
        return exit;
    }

    private int runOn(LocalDsr dsr) throws Exception {
        Ledger ledger = new Ledger();
        Gateway gateway = new Gateway(dsr.gatewayUrl());
        AgencyEvents agencyEvents = new AgencyEvents(options.seed());
        ChaosReport report = new ChaosReport(Duration.ofSeconds(options.failoverBound()));
        try (Consumers consumers = new Consumers(dsr.kafkaBootstrapServers());
             AgencyPublisher publisher = new AgencyPublisher(dsr.kafkaBootstrapServers(), ledger)) {

            // 1. Faults while referrals flow.
            SteadyStream stream = new SteadyStream(gateway, publisher, agencyEvents, ledger);
            stream.start(options.referralRate(), options.agencyRate());
            step("steady stream before the faults", () -> AgencyPublisher.sleep(10_000));
            for (Fault fault : faults(consumers, gateway, dsr)) {
                step(fault.name(), () -> {
                    try {
                        fault.inject(dsr, ledger, report);
                        report.ran(fault.name());
                    } catch (Exception e) {
                        report.failed(fault.name(), e);
                    }
                    AgencyPublisher.sleep(3_000);
                });
            }
            stream.close();

            // 2. Bad agency events among valid ones (and the poison record in the middle), then fuzzed requests.
            step(options.badEvents() + " bad agency events among valid ones, and a 2 MB poison record", () -> {
                for (int i = 0; i < options.badEvents(); i++) {
                    publisher.publish(agencyEvents.valid());
                    publisher.publish(agencyEvents.bad(i));
                    if (i == options.badEvents() / 2) {
                        publisher.publish(agencyEvents.poison());
                    }
                }
                if (options.badEvents() == 0) {
                    publisher.publish(agencyEvents.poison());
                }
                for (int i = 0; i < TAIL_OF_VALID_EVENTS; i++) {
                    publisher.publish(agencyEvents.valid());
                }
                publisher.flush();
            });
            step(options.fuzzedRequests() + " fuzzed HTTP requests", () -> fuzz(gateway, ledger));

            // 3. Let everything settle, then reconcile.
            Map<String, Long> lagging = new HashMap<>();
            step("waiting up to " + options.drainSeconds() + " s for every consumer to reach zero lag",
                    () -> lagging.putAll(drain(consumers)));
            Map<Integer, Long> agencyCommitted = new HashMap<>();
            consumers.committed(Reconciliation.AGENCY_GROUP).forEach((partition, offset) -> {
                if (partition.topic().equals(AgencyEvents.TOPIC)) {
                    agencyCommitted.put(partition.partition(), offset);
                }
            });
            Reconciliation.Observations seen = new Evidence(dsr).gather(ledger, lagging, agencyCommitted);
            Reconciliation.Result result = Reconciliation.of(seen);
            List<String> slow = new ArrayList<>(ledger.slowUnderFaults);
            slow.addAll(report.slowFailovers());

            report.print(out, ledger, result, slow);
            writeResults(report.asJson(ledger, result, slow));
            return result.clean() && slow.isEmpty() ? 0 : 2;
        }
    }

    private List<Fault> faults(Consumers consumers, Gateway gateway, LocalDsr dsr) {
        List<Fault> faults = new ArrayList<>();
        // Long enough to measure a 45 s session timeout, short enough to keep the run bounded.
        Duration failoverLimit = Duration.ofSeconds(Math.max(60, options.failoverBound() * 3L));
        options.crash().forEach(service -> faults.add(new ServiceCrash(service, consumers, failoverLimit)));
        if (options.brokerCrash()) {
            faults.add(new BrokerCrash(Duration.ofSeconds(5)));
        }
        if (options.outageSeconds() > 0) {
            faults.add(new DatabaseOutage(Duration.ofSeconds(options.outageSeconds()), gateway,
                    dsr.serviceUrl("referral-service")));
        }
        return faults;
    }

    private void fuzz(Gateway gateway, Ledger ledger) {
        RequestFuzzer fuzzer = new RequestFuzzer(options.seed());
        ExecutorService callers = Executors.newFixedThreadPool(4);
        for (int i = 0; i < options.fuzzedRequests(); i++) {
            RequestFuzzer.FuzzedRequest request = fuzzer.next();
            callers.execute(() -> {
                try {
                    HttpResponse<String> response = gateway.send(request.method(), request.path(),
                            request.contentType(), request.body());
                    ledger.answered("fuzz " + request.method() + " (" + request.mutation() + ")",
                            response.statusCode(), FaultWindow.NONE, "referral-service");
                } catch (IOException e) {
                    ledger.noAnswer.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        callers.shutdown();
        try {
            callers.awaitTermination(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until no consumer group lags; returns what still lags when the time is up. */
    private Map<String, Long> drain(Consumers consumers) {
        long deadline = System.nanoTime() + Duration.ofSeconds(options.drainSeconds()).toNanos();
        Map<String, Long> lagging = Map.of("(lag not read)", 1L);
        while (System.nanoTime() < deadline) {
            try {
                lagging = consumers.lagging();
                if (lagging.isEmpty()) {
                    AgencyPublisher.sleep(2_000); // the relays' last events reach their topics and consumers
                    lagging = consumers.lagging();
                    if (lagging.isEmpty()) {
                        return lagging;
                    }
                }
            } catch (Exception e) {
                // the broker is still recovering; ask again
            }
            AgencyPublisher.sleep(1_000);
        }
        return lagging;
    }

    private void step(String what, Runnable step) {
        long started = System.nanoTime();
        progress.step(what);
        step.run();
        progress.done(Duration.ofNanos(System.nanoTime() - started));
    }

    private void writeResults(Map<String, Object> results) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("finishedAt", Instant.now().toString());
        json.put("options", options);
        json.putAll(results);
        Path file = repositoryRoot.resolve("benchmarks").resolve("target").resolve("chaos-results.json");
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
            out.println("Results written to " + file);
        } catch (IOException e) {
            out.println("Could not write " + file + ": " + e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            // a leftover directory under target is harmless
        }
    }
}
