package org.opendsr.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The targets, each a figure of this run compared with a limit: a ratio to a baseline measured in the same
 * run where the target is one, else the figure itself. Evaluated and printed; never asserted by a test.
 */
final class Targets {

    enum Direction {
        AT_LEAST(">="), AT_MOST("<=");

        final String symbol;

        Direction(String symbol) {
            this.symbol = symbol;
        }
    }

    /**
     * @param name      what is compared, in words
     * @param measured  the run's figure (a ratio or a value in {@code unit}); NaN when it was not measured
     * @param direction whether the figure must reach the limit or stay under it
     * @param limit     the target
     * @param unit      the unit of measured and limit ("x" for a ratio)
     */
    record Target(String name, double measured, Direction direction, double limit, String unit) {

        boolean measuredAtAll() {
            return !Double.isNaN(measured) && !Double.isInfinite(measured);
        }

        boolean met() {
            return measuredAtAll() && (direction == Direction.AT_LEAST ? measured >= limit : measured <= limit);
        }

        /** The figure as a share of its limit: at or above 1 meets an AT_LEAST target, at or below 1 an AT_MOST one. */
        double ofLimit() {
            return measured / limit;
        }

        String verdict() {
            return !measuredAtAll() ? "not measured" : met() ? "met" : "NOT met";
        }

        Map<String, Object> asJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("target", name);
            json.put("measured", measuredAtAll() ? Latencies.round(measured) : null);
            json.put("unit", unit);
            json.put("direction", direction.symbol);
            json.put("limit", limit);
            json.put("measuredOfLimit", measuredAtAll() ? Latencies.round(ofLimit()) : null);
            json.put("verdict", verdict());
            return json;
        }
    }

    /** The figures the targets need; NaN for any that this run did not measure. */
    record Figures(double agencyIngestPerSecond, double httpIngestPerSecond, double httpP95Ms,
                   double replayTransactionsPerSecond, double replayP95Ms, double outboxToTopicP50Ms,
                   double outboxToTopicP99Ms, double tunedKafkaP99Ms, double reportCatchUpSeconds,
                   double replayConsumerEventsPerSecond, double gatewayCpuMsPerReferral,
                   double referralServiceCpuMsPerReferral, double stackReadySeconds) {
    }

    private Targets() {
    }

    /**
     * The reporting targets (issue 14, "Performance"), absolute as the issue states them: a monthly report from
     * snapshots (p95 of reads through the gateway) and the store's rebuild from the topics. Their ratios to the
     * run's baselines (a raw JDBC read of the snapshot rows, a plain consumer replaying the topics) are printed beside.
     */
    static List<Target> reporting(double monthlyReportP95Ms, double rebuildEventsPerSecond) {
        List<Target> targets = new ArrayList<>();
        targets.add(new Target("monthly report from snapshots via the gateway, p95", monthlyReportP95Ms,
                Direction.AT_MOST, 100, "ms"));
        targets.add(new Target("store rebuilt from the four topics (POST -> DONE)", rebuildEventsPerSecond,
                Direction.AT_LEAST, 20_000, "events/s"));
        return targets;
    }

    static List<Target> evaluate(Figures f) {
        List<Target> targets = new ArrayList<>();
        targets.add(new Target("agency-topic ingest / raw JDBC replay of the referral's SQL (tx/s)",
                f.agencyIngestPerSecond() / f.replayTransactionsPerSecond(), Direction.AT_LEAST, 1.0, "x"));
        targets.add(new Target("HTTP referrals via the gateway / raw JDBC replay (tx/s)",
                f.httpIngestPerSecond() / f.replayTransactionsPerSecond(), Direction.AT_LEAST, 0.5, "x"));
        targets.add(new Target("HTTP p95 / raw JDBC replay p95",
                f.httpP95Ms() / f.replayP95Ms(), Direction.AT_MOST, 3.0, "x"));
        targets.add(new Target("outbox write -> event on the topic p50 at the paced rate",
                f.outboxToTopicP50Ms(), Direction.AT_MOST, 5.0, "ms"));
        targets.add(new Target("outbox write -> event on the topic p99 at the paced rate",
                f.outboxToTopicP99Ms(), Direction.AT_MOST, 25.0, "ms"));
        targets.add(new Target("outbox write -> event p99 / tuned Kafka pair p99 (linger 0)",
                f.outboxToTopicP99Ms() / f.tunedKafkaP99Ms(), Direction.AT_MOST, 3.0, "x"));
        targets.add(new Target("report caught up after the last referral",
                f.reportCatchUpSeconds(), Direction.AT_MOST, 1.0, "s"));
        targets.add(new Target("a consumer replaying a topic from the beginning",
                f.replayConsumerEventsPerSecond(), Direction.AT_LEAST, 20_000, "events/s"));
        targets.add(new Target("CPU per referral: gateway", f.gatewayCpuMsPerReferral(), Direction.AT_MOST, 0.5, "ms"));
        targets.add(new Target("CPU per referral: referral-service",
                f.referralServiceCpuMsPerReferral(), Direction.AT_MOST, 2.0, "ms"));
        targets.add(new Target("whole stack ready (as this run started it)",
                f.stackReadySeconds(), Direction.AT_MOST, 30.0, "s"));
        return targets;
    }
}
