package org.opendsr.benchmarks;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Prints a run's figures as a table, baselines first and clearly marked, then the ratios; and the same as JSON. */
final class ResultsTable {

    private static final String ROW = "  %-50s %14s %10s %10s %10s%n";

    private ResultsTable() {
    }

    static void print(PrintStream out, BenchmarkOptions options, ConcurrentCallers.Outcome postgres,
                      KafkaBaseline.Result kafka, ReferralJourney.Result journey, Map<String, CpuMeter.Usage> cpu,
                      int cores) {
        out.println();
        out.printf("BASELINES: raw PostgreSQL and Kafka, the system's own servers, this run, %d callers%n",
                options.concurrency());
        out.printf(ROW, "", "rate", "p50", "p95", "p99");
        out.printf(ROW, "PostgreSQL: person+referral+outbox transaction", rate(postgres.perSecond(), "tx/s"),
                ms(postgres.latencies(), 50), ms(postgres.latencies(), 95), ms(postgres.latencies(), 99));
        out.printf(ROW, "Kafka: produce, idempotent, acks=all (until acked)", rate(kafka.produced().perSecond(), "rec/s"),
                ms(kafka.produced().latencies(), 50), ms(kafka.produced().latencies(), 95), ms(kafka.produced().latencies(), 99));
        out.printf(ROW, "Kafka: produce -> consume", "",
                ms(kafka.produceToConsume(), 50), ms(kafka.produceToConsume(), 95), ms(kafka.produceToConsume(), 99));
        out.println();
        out.println("JOURNEY: the DSR (gateway -> referral-service -> outbox relay -> Kafka -> reporting-service)");
        out.printf(ROW, "", "rate", "p50", "p95", "p99");
        out.printf(ROW, "POST /api/referrals via the gateway (HTTP latency)", rate(journey.ingest().perSecond(), "req/s"),
                ms(journey.ingest().latencies(), 50), ms(journey.ingest().latencies(), 95), ms(journey.ingest().latencies(), 99));
        out.printf(ROW, "propagation: 201 -> event seen on " + ReferralJourney.REFERRAL_EVENTS, "",
                ms(journey.propagation(), 50), ms(journey.propagation(), 95), ms(journey.propagation(), 99));
        out.printf(ROW, "propagation: outbox row written -> event seen", "",
                ms(journey.sinceOutboxWrite(), 50), ms(journey.sinceOutboxWrite(), 95), ms(journey.sinceOutboxWrite(), 99));
        out.printf("  %-50s %14s%n", "report drain: last 201 -> report shows all",
                journey.reportDrainNanos() < 0 ? "NEVER" : String.format("%.2f s", journey.reportDrainNanos() / 1e9));
        out.printf("  %-50s %14s%n", "end to end: first POST -> report shows all",
                rate(journey.reportedPerSecond(), "ref/s"));
        out.printf("  non-201 responses: %d%s%n", journey.ingest().failures(),
                journey.ingest().failures() == 0 ? "" : "   <-- !!! " + journey.non201() + " " + journey.ingest().firstErrors());
        if (journey.propagation().count() > 0 && journey.propagation().negatives() > 0) {
            out.printf("  (%d events reached the topic before their 201 reached the caller: negative propagation times)%n",
                    journey.propagation().negatives());
        }
        out.printf("  record sizes: real ReferralReceived event %d B, Kafka baseline record %d B%n",
                journey.eventBytes(), kafka.recordBytes());
        out.println();
        out.println("RATIOS: journey / baseline (throughput: higher is better; latency: lower is better)");
        Map<String, Double> ratios = ratios(postgres, kafka, journey);
        ratios.forEach((name, value) -> out.printf("  %-66s %8s%n", name, Double.isNaN(value) ? "n/a" : String.format("%.2f", value)));
        out.println();
        out.printf("CPU: average cores busy during each measurement (this machine has %d)%n", cores);
        Set<String> groups = new LinkedHashSet<>();
        cpu.values().forEach(usage -> groups.addAll(usage.coresByGroup().keySet()));
        StringBuilder header = new StringBuilder(String.format("  %-24s", ""));
        cpu.keySet().forEach(phase -> header.append(String.format("%21s", phase)));
        out.println(header);
        StringBuilder machine = new StringBuilder(String.format("  %-24s", "whole machine"));
        cpu.values().forEach(usage -> machine.append(String.format("%21.2f", usage.machineCores())));
        out.println(machine);
        for (String group : groups) {
            StringBuilder line = new StringBuilder(String.format("  %-24s", group));
            cpu.values().forEach(usage -> line.append(String.format("%21.2f", usage.coresByGroup().getOrDefault(group, 0.0))));
            out.println(line);
        }
        // Whatever else ran on the machine meanwhile: on a shared machine, the noise in this run's numbers.
        StringBuilder others = new StringBuilder(String.format("  %-24s", "other processes"));
        cpu.values().forEach(usage -> others.append(String.format("%21.2f", usage.otherCores())));
        out.println(others);
        out.println();
    }

    /** The ratios the issue asks for: journey figure / the baseline figure it is built on. */
    static Map<String, Double> ratios(ConcurrentCallers.Outcome postgres, KafkaBaseline.Result kafka,
                                      ReferralJourney.Result journey) {
        Map<String, Double> ratios = new LinkedHashMap<>();
        ratios.put("ingest throughput / PostgreSQL transaction throughput",
                journey.ingest().perSecond() / postgres.perSecond());
        ratios.put("HTTP p95 / PostgreSQL transaction p95",
                ratio(journey.ingest().latencies(), postgres.latencies(), 95));
        ratios.put("propagation (from 201) p50 / Kafka produce->consume p50",
                ratio(journey.propagation(), kafka.produceToConsume(), 50));
        ratios.put("propagation (from 201) p95 / Kafka produce->consume p95",
                ratio(journey.propagation(), kafka.produceToConsume(), 95));
        ratios.put("propagation (from outbox write) p50 / Kafka produce->consume p50",
                ratio(journey.sinceOutboxWrite(), kafka.produceToConsume(), 50));
        ratios.put("propagation (from outbox write) p95 / Kafka produce->consume p95",
                ratio(journey.sinceOutboxWrite(), kafka.produceToConsume(), 95));
        return ratios;
    }

    static Map<String, Object> asJson(ConcurrentCallers.Outcome postgres, KafkaBaseline.Result kafka,
                                      ReferralJourney.Result journey, Map<String, CpuMeter.Usage> cpu) {
        Map<String, Object> baselines = new LinkedHashMap<>();
        baselines.put("postgresReferralTransaction", outcome(postgres, "transactionsPerSecond"));
        Map<String, Object> kafkaJson = new LinkedHashMap<>(outcome(kafka.produced(), "recordsPerSecond"));
        kafkaJson.put("produceToConsume", kafka.produceToConsume().summary());
        kafkaJson.put("neverConsumed", kafka.missing());
        kafkaJson.put("recordBytes", kafka.recordBytes());
        baselines.put("kafkaProduceAndConsume", kafkaJson);

        Map<String, Object> journeyJson = new LinkedHashMap<>();
        journeyJson.put("ingest", outcome(journey.ingest(), "requestsPerSecond"));
        journeyJson.put("non201ByStatus", journey.non201());
        journeyJson.put("propagationAfter201", journey.propagation().summary());
        journeyJson.put("propagationAfterOutboxWrite", journey.sinceOutboxWrite().summary());
        journeyJson.put("eventsNeverSeenOnTopic", journey.notSeenOnTopic());
        journeyJson.put("reportDrainSecondsAfterLast201",
                journey.reportDrainNanos() < 0 ? null : Latencies.round(journey.reportDrainNanos() / 1e9));
        journeyJson.put("reportDrainResolutionMs", ReportDrain.POLL_INTERVAL.toMillis());
        journeyJson.put("endToEndReferralsPerSecond",
                Double.isNaN(journey.reportedPerSecond()) ? null : Latencies.round(journey.reportedPerSecond()));
        journeyJson.put("eventBytes", journey.eventBytes());

        Map<String, Object> ratiosJson = new LinkedHashMap<>();
        ratios(postgres, kafka, journey).forEach((name, value) -> ratiosJson.put(name, Double.isNaN(value) ? null : Latencies.round(value)));

        Map<String, Object> cpuJson = new LinkedHashMap<>();
        cpu.forEach((phase, usage) -> {
            Map<String, Object> phaseJson = new LinkedHashMap<>();
            phaseJson.put("seconds", Latencies.round(usage.wallSeconds()));
            phaseJson.put("wholeMachineCores", Double.isNaN(usage.machineCores()) ? null : Latencies.round(usage.machineCores()));
            Map<String, Object> groups = new LinkedHashMap<>();
            usage.coresByGroup().forEach((group, cores) -> groups.put(group, Latencies.round(cores)));
            phaseJson.put("coresByProcess", groups);
            phaseJson.put("otherProcessesCores", Double.isNaN(usage.otherCores()) ? null : Latencies.round(usage.otherCores()));
            cpuJson.put(phase, phaseJson);
        });

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("baselines", baselines);
        json.put("journey", journeyJson);
        json.put("ratios", ratiosJson);
        json.put("cpuCoresBusy", cpuJson);
        return json;
    }

    /** One measured outcome as the results JSON writes it (also used by {@link RunReport}). */
    static Map<String, Object> outcome(ConcurrentCallers.Outcome outcome, String rateName) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("calls", outcome.calls());
        json.put("failures", outcome.failures());
        json.put("seconds", Latencies.round(outcome.elapsedSeconds()));
        json.put(rateName, Latencies.round(outcome.perSecond()));
        json.put("latency", outcome.latencies().summary());
        return json;
    }

    private static double ratio(Latencies journey, Latencies baseline, double percentile) {
        if (journey.count() == 0 || baseline.count() == 0) {
            return Double.NaN;
        }
        return (double) journey.percentileNanos(percentile) / baseline.percentileNanos(percentile);
    }

    private static String rate(double perSecond, String unit) {
        return String.format("%.1f %s", perSecond, unit);
    }

    private static String ms(Latencies latencies, double percentile) {
        return latencies.count() == 0 ? "-" : String.format("%.2f ms", latencies.percentileMillis(percentile));
    }
}
