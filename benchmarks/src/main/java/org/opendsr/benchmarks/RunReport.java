package org.opendsr.benchmarks;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fair part of a run's results: the replay of the referral's own SQL, the tuned Kafka pair, the paced journey,
 * the agency ingest, the replaying consumer, CPU milliseconds per referral, and the targets as ratios to
 * baselines of the same run. Printed and written to the results JSON.
 */
final class RunReport {

    private static final String ROW = "  %-58s %14s %10s %10s %10s%n";

    private final ConcurrentCallers.Outcome replay;
    private final TunedKafka.LatencyResult tunedLatency;
    private final TunedKafka.ThroughputResult tunedThroughput;
    private final ReferralJourney.Result saturated;
    private final ReferralJourney.Result paced;
    private final AgencyIngest.Result agency;
    private final long replayedEvents;
    private final double replayPerSecond;
    private final int referrals;
    private final int pacedReferrals;
    private final BenchmarkOptions options;

    RunReport(ConcurrentCallers.Outcome replay, TunedKafka.LatencyResult tunedLatency,
              TunedKafka.ThroughputResult tunedThroughput, ReferralJourney.Result saturated,
              ReferralJourney.Result paced, AgencyIngest.Result agency, long replayedEvents, double replayPerSecond,
              int referrals, int pacedReferrals, BenchmarkOptions options) {
        this.replay = replay;
        this.tunedLatency = tunedLatency;
        this.tunedThroughput = tunedThroughput;
        this.saturated = saturated;
        this.paced = paced;
        this.agency = agency;
        this.replayedEvents = replayedEvents;
        this.replayPerSecond = replayPerSecond;
        this.referrals = referrals;
        this.pacedReferrals = pacedReferrals;
        this.options = options;
    }

    /** CPU ms per referral of each process: the HTTP journey from its first POST until the report caught up. */
    Map<String, Double> httpCpuMillisPerReferral() {
        return saturated.wholeCpu().cpuMillisPer(referrals);
    }

    Map<String, Double> agencyCpuMillisPerReferral() {
        return agency.cpu().cpuMillisPer(agency.events());
    }

    Map<String, Double> pacedCpuMillisPerReferral() {
        return paced.wholeCpu().cpuMillisPer(pacedReferrals);
    }

    void print(PrintStream out) {
        out.println("FAIR BASELINES (same run, same servers)");
        out.printf(ROW, "", "rate", "p50", "p95", "p99");
        if (replay != null) {
            out.printf(ROW, "PostgreSQL: the referral's captured SQL, raw JDBC, 1 tx each",
                    String.format("%.1f tx/s", replay.perSecond()), ms(replay.latencies(), 50),
                    ms(replay.latencies(), 95), ms(replay.latencies(), 99));
        } else {
            out.println("  PostgreSQL replay of the referral's SQL: NOT MEASURED (the capture failed; see problems)");
        }
        out.printf(ROW, "Kafka tuned, linger 0, " + Math.round(tunedLatency.ratePerSecond()) + " rec/s: produce -> consume",
                "", ms(tunedLatency.produceToConsume(), 50), ms(tunedLatency.produceToConsume(), 95),
                ms(tunedLatency.produceToConsume(), 99));
        out.printf(ROW, "Kafka tuned, batching: produce (" + tunedThroughput.records() + " records)",
                String.format("%.0f rec/s", tunedThroughput.producedPerSecond()), "", "", "");
        out.printf(ROW, "Kafka tuned: a fresh consumer replays them from the start",
                String.format("%.0f rec/s", tunedThroughput.consumedPerSecond()), "", "", "");
        out.println();
        out.println("JOURNEY, MORE WAYS");
        out.printf(ROW, "", "rate", "p50", "p95", "p99");
        out.printf(ROW, "paced " + options.pacedRate() + "/s: POST /api/referrals (HTTP, from when due)",
                String.format("%.1f req/s", paced.ingest().perSecond()), ms(paced.ingest().latencies(), 50),
                ms(paced.ingest().latencies(), 95), ms(paced.ingest().latencies(), 99));
        out.printf(ROW, "paced " + options.pacedRate() + "/s: outbox row written -> event on the topic", "",
                ms(paced.sinceOutboxWrite(), 50), ms(paced.sinceOutboxWrite(), 95), ms(paced.sinceOutboxWrite(), 99));
        out.printf("  %-58s %14s%n", "paced: report caught up after the last referral", drain(paced));
        out.printf("  %-58s %14s%n", "saturated: report caught up after the last referral", drain(saturated));
        out.printf("  %-58s %14s%n", "agency topic ingest (" + agency.events() + " events -> ReferralReceived)",
                Double.isNaN(agency.perSecond()) ? "INCOMPLETE" : String.format("%.1f ref/s", agency.perSecond()));
        out.printf("  %-58s %14s%n", "replay: fresh consumer, " + replayedEvents + " events of "
                + ReferralJourney.REFERRAL_EVENTS + ", JSON-parsed",
                Double.isNaN(replayPerSecond) ? "INCOMPLETE" : String.format("%.0f ev/s", replayPerSecond));
        out.println();
        out.println("CPU MILLISECONDS PER REFERRAL, by process (whole phase: from the first call until caught up)");
        Map<String, Double> http = httpCpuMillisPerReferral();
        Map<String, Double> agencyCpu = agencyCpuMillisPerReferral();
        Map<String, Double> pacedCpu = pacedCpuMillisPerReferral();
        out.printf("  %-28s %14s %14s %14s%n", "", "HTTP saturated", "HTTP paced", "agency topic");
        for (String group : http.keySet()) {
            out.printf("  %-28s %14.2f %14.2f %14.2f%n", group, http.get(group),
                    pacedCpu.getOrDefault(group, Double.NaN), agencyCpu.getOrDefault(group, Double.NaN));
        }
        out.printf("  %-28s %14.2f %14.2f %14.2f%n", "all of these", sum(http), sum(pacedCpu), sum(agencyCpu));
        out.println("  (the benchmark's own JVM is the load generator: its share is the client's cost, not the DSR's)");
        out.println();
    }

    /** The targets, given how fast the whole stack was ready. */
    List<Targets.Target> targets(double stackReadySeconds) {
        Map<String, Double> cpu = httpCpuMillisPerReferral();
        return Targets.evaluate(new Targets.Figures(
                agency.perSecond(),
                saturated.ingest().perSecond(),
                saturated.ingest().latencies().percentileMillis(95),
                replay == null ? Double.NaN : replay.perSecond(),
                replay == null ? Double.NaN : replay.latencies().percentileMillis(95),
                percentileMillis(paced.sinceOutboxWrite(), 50),
                percentileMillis(paced.sinceOutboxWrite(), 99),
                percentileMillis(tunedLatency.produceToConsume(), 99),
                saturated.reportDrainNanos() < 0 ? Double.NaN : saturated.reportDrainNanos() / 1e9,
                replayPerSecond,
                cpu.getOrDefault("gateway", Double.NaN),
                cpu.getOrDefault("referral-service", Double.NaN),
                stackReadySeconds));
    }

    static void printTargets(PrintStream out, List<Targets.Target> targets) {
        out.println("TARGETS (issues 10 and 14; ratios to baselines of this run where the target is a ratio)");
        for (Targets.Target target : targets) {
            out.printf("  %-66s %10s %s %-8s %-13s %s%n", target.name(),
                    target.measuredAtAll() ? String.format("%.2f", target.measured()) : "-", target.direction().symbol,
                    fmt(target.limit()) + " " + target.unit(), target.verdict(),
                    target.measuredAtAll() ? String.format("(%.2f of the limit)", target.ofLimit()) : "");
        }
        long met = targets.stream().filter(Targets.Target::met).count();
        out.printf("  %d of %d targets met%n%n", met, targets.size());
    }

    Map<String, Object> asJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, Object> baselines = new LinkedHashMap<>();
        if (replay != null) {
            baselines.put("postgresReplayOfReferralSql", ResultsTable.outcome(replay, "transactionsPerSecond"));
        }
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("records", tunedLatency.records());
        latency.put("ratePerSecond", tunedLatency.ratePerSecond());
        latency.put("produceToConsume", tunedLatency.produceToConsume().summary());
        latency.put("neverConsumed", tunedLatency.missing());
        baselines.put("kafkaTunedLingerZero", latency);
        Map<String, Object> throughput = new LinkedHashMap<>();
        throughput.put("records", tunedThroughput.records());
        throughput.put("producedPerSecond", Latencies.round(tunedThroughput.producedPerSecond()));
        throughput.put("replayedByFreshConsumerPerSecond", Latencies.round(tunedThroughput.consumedPerSecond()));
        baselines.put("kafkaTunedBatching", throughput);
        json.put("fairBaselines", baselines);

        Map<String, Object> pacedJson = new LinkedHashMap<>();
        pacedJson.put("ratePerSecond", options.pacedRate());
        pacedJson.put("ingest", ResultsTable.outcome(paced.ingest(), "requestsPerSecond"));
        pacedJson.put("outboxWriteToTopic", paced.sinceOutboxWrite().summary());
        pacedJson.put("reportCaughtUpSecondsAfterLastReferral", drainSeconds(paced));
        pacedJson.put("eventsNeverSeenOnTopic", paced.notSeenOnTopic());
        json.put("paced", pacedJson);
        json.put("reportCaughtUpSecondsAfterLastReferral", drainSeconds(saturated));

        Map<String, Object> agencyJson = new LinkedHashMap<>();
        agencyJson.put("events", agency.events());
        agencyJson.put("referralReceivedSeen", agency.seen());
        agencyJson.put("seconds", Latencies.round(agency.elapsedNanos() / 1e9));
        agencyJson.put("publishSeconds", Latencies.round(agency.publishNanos() / 1e9));
        agencyJson.put("referralsPerSecond", Double.isNaN(agency.perSecond()) ? null : Latencies.round(agency.perSecond()));
        json.put("agencyIngest", agencyJson);

        Map<String, Object> replayJson = new LinkedHashMap<>();
        replayJson.put("topic", ReferralJourney.REFERRAL_EVENTS);
        replayJson.put("events", replayedEvents);
        replayJson.put("eventsPerSecond", Double.isNaN(replayPerSecond) ? null : Latencies.round(replayPerSecond));
        replayJson.put("consumer", "a fresh plain Kafka consumer (no group), from the beginning, parsing each event as JSON;"
                + " not a service's handler");
        json.put("replayConsumer", replayJson);

        Map<String, Object> cpu = new LinkedHashMap<>();
        cpu.put("httpSaturated", rounded(httpCpuMillisPerReferral()));
        cpu.put("httpPaced", rounded(pacedCpuMillisPerReferral()));
        cpu.put("agencyTopic", rounded(agencyCpuMillisPerReferral()));
        json.put("cpuMillisPerReferral", cpu);
        return json;
    }

    private static Map<String, Object> rounded(Map<String, Double> values) {
        Map<String, Object> json = new LinkedHashMap<>();
        values.forEach((key, value) -> json.put(key, Double.isNaN(value) ? null : Latencies.round(value)));
        return json;
    }

    private static double sum(Map<String, Double> values) {
        return values.values().stream().filter(value -> !Double.isNaN(value)).mapToDouble(Double::doubleValue).sum();
    }

    private static Object drainSeconds(ReferralJourney.Result result) {
        return result.reportDrainNanos() < 0 ? null : Latencies.round(result.reportDrainNanos() / 1e9);
    }

    private static String drain(ReferralJourney.Result result) {
        return result.reportDrainNanos() < 0 ? "NEVER" : String.format("%.2f s", result.reportDrainNanos() / 1e9);
    }

    private static double percentileMillis(Latencies latencies, double p) {
        return latencies.count() == 0 ? Double.NaN : latencies.percentileMillis(p);
    }

    private static String ms(Latencies latencies, double percentile) {
        return latencies.count() == 0 ? "-" : String.format("%.2f ms", latencies.percentileMillis(percentile));
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? String.format("%.0f", value) : String.valueOf(value);
    }
}
