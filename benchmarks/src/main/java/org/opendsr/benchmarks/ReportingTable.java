package org.opendsr.benchmarks;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The reporting phase's figures: printed as a table (baselines marked, then ratios) and as JSON. */
final class ReportingTable {

    private static final String ROW = "  %-58s %14s %10s %10s %10s%n";

    private ReportingTable() {
    }

    /** The ratios: the system's figure over the baseline it is built on (same run). */
    static Map<String, Double> ratios(ReportingPhase.Result r, String month) {
        Map<String, Double> ratios = new LinkedHashMap<>();
        Latencies gateway = r.read(month, "gateway").map(ReportingPhase.Reads::latencies).orElse(null);
        Latencies direct = r.read(month, "reporting-service").map(ReportingPhase.Reads::latencies).orElse(null);
        ratios.put("monthly report via the gateway p50 / raw JDBC read of its snapshot rows p50",
                ReportingPhase.ratio(gateway, r.jdbcMonth(), 50));
        ratios.put("monthly report via the gateway p95 / raw JDBC read of its snapshot rows p95",
                ReportingPhase.ratio(gateway, r.jdbcMonth(), 95));
        ratios.put("monthly report at reporting-service p50 / raw JDBC read p50",
                ReportingPhase.ratio(direct, r.jdbcMonth(), 50));
        ratios.put("monthly report via the gateway p50 / at reporting-service p50",
                ReportingPhase.ratio(gateway, direct, 50));
        ratios.put("store rebuild events/s / plain consumer replay events/s",
                r.rebuildPerSecond() / r.replayPerSecond());
        return ratios;
    }

    /** The two reporting targets (absolute, as the issue states them). */
    static List<Targets.Target> targets(ReportingPhase.Result r, String month) {
        double p95 = r.read(month, "gateway").filter(reads -> reads.latencies().count() > 0 && reads.failures() == 0)
                .map(reads -> reads.latencies().percentileMillis(95)).orElse(Double.NaN);
        return Targets.reporting(p95, r.rebuildPerSecond());
    }

    static void print(PrintStream out, ReportingPhase.Result r, ReportingPhase.Periods periods, int cores) {
        out.println();
        out.println("REPORTING (issue 14): " + r.seeded().plan().people() + " people, " + r.seeded().plan().facts()
                + " facts, " + r.seeded().firstMonth() + " to " + r.seeded().lastMonth());
        out.printf("  %-58s %14s%n", "seeded with SQL (one transaction, then ANALYZE)",
                String.format("%.1f s + %.1f s", r.seeded().insertSeconds(), r.seeded().analyseSeconds()));
        out.printf("  %-58s %14s%n", "12 month-end cuts (POST .../snapshots/cuts until all 12 cut)",
                Double.isNaN(r.cutSeconds()) ? "NOT MEASURED" : String.format("%.2f s", r.cutSeconds()));
        out.println();
        out.println("BASELINE: raw JDBC read of " + periods.month() + "'s snapshot rows (snapshot, cells, restatements: "
                + r.jdbcRows() + " rows), one connection");
        out.printf(ROW, "", "", "p50", "p95", "p99");
        if (r.jdbcMonth() != null) {
            out.printf(ROW, "SELECT * ... WHERE month = ?, every column read", "", ms(r.jdbcMonth(), 50),
                    ms(r.jdbcMonth(), 95), ms(r.jdbcMonth(), 99));
        } else {
            out.println("  NOT MEASURED");
        }
        out.println("REPORTS: GET (JSON), one caller, after " + 5 + " untimed reads");
        out.printf(ROW, "", "status", "p50", "p95", "p99");
        for (ReportingPhase.Reads reads : r.reads()) {
            String label = reads.period() + " at " + reads.where() + " (" + reads.bytes() / 1024 + " KB)";
            out.printf(ROW, label, reads.status() == null ? "FAILED" : reads.status(), ms(reads.latencies(), 50),
                    ms(reads.latencies(), 95), ms(reads.latencies(), 99));
        }
        out.println();
        out.println("REBUILD: a backlog of " + (r.backlog() == null ? 0 : r.backlog().events()) + " contract events "
                + "(plus what the run published before) on the four topics reporting reads: " + r.eventsOnTopics()
                + " events");
        out.printf("  %-58s %14s%n", "BASELINE: plain consumer replay, before the rebuild",
                rate(r.replayBeforePerSecond()));
        out.printf("  %-58s %14s%n", "BASELINE: plain consumer replay, after the rebuild", rate(r.replayAfterPerSecond()));
        out.printf("  %-58s %14s%n", "store rebuild: POST -> progress DONE", Double.isNaN(r.rebuildSeconds())
                ? "NOT MEASURED" : String.format("%.1f s", r.rebuildSeconds()));
        out.printf("  %-58s %14s%n", "store rebuild (events on the topics / POST -> DONE)", rate(r.rebuildPerSecond()));
        out.printf("  %-58s %14s%n", "store rebuild as its own progress reports it (" + r.rebuildRead() + " read, "
                + r.rebuildSkipped() + " skipped)", rate(r.rebuildServiceRate()));
        out.printf("  %-58s %14s%n", "(live listeners applying the backlog as it came)", rate(r.liveCatchUpPerSecond()));
        out.printf("  %-58s %14s%n", "closed month's report unchanged by the rebuild", r.closedMonthUnchangedByRebuild()
                ? "yes" : "NO");
        if (r.rebuildFinalProgress() != null) {
            out.println("  last progress: " + r.rebuildFinalProgress());
        }
        out.println();
        out.println("REPORTING RATIOS: system / baseline of this run (latency: lower is better; throughput: higher)");
        ratios(r, periods.month()).forEach((name, value) -> out.printf("  %-80s %8s%n", name,
                Double.isNaN(value) ? "n/a" : String.format("%.2f", value)));
        out.println();
        out.printf("CPU during the reporting steps: average cores busy (this machine has %d); load average at each step's"
                + " start %s%n", cores, r.loadAverages());
        Set<String> groups = new LinkedHashSet<>();
        r.cpu().values().forEach(usage -> groups.addAll(usage.coresByGroup().keySet()));
        StringBuilder header = new StringBuilder(String.format("  %-24s", ""));
        r.cpu().keySet().forEach(step -> header.append(String.format("%12s", step)));
        out.println(header);
        StringBuilder machine = new StringBuilder(String.format("  %-24s", "whole machine"));
        r.cpu().values().forEach(usage -> machine.append(String.format("%12.2f", usage.machineCores())));
        out.println(machine);
        for (String group : groups) {
            StringBuilder line = new StringBuilder(String.format("  %-24s", group));
            r.cpu().values().forEach(usage -> line.append(String.format("%12.2f", usage.coresByGroup().getOrDefault(group, 0.0))));
            out.println(line);
        }
        StringBuilder others = new StringBuilder(String.format("  %-24s", "other processes"));
        r.cpu().values().forEach(usage -> others.append(String.format("%12.2f", usage.otherCores())));
        out.println(others);
        out.println();
    }

    static Map<String, Object> asJson(ReportingPhase.Result r, ReportingPhase.Periods periods) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("history", r.seeded().asJson());
        Map<String, Object> cuts = new LinkedHashMap<>();
        cuts.put("monthsCut", r.monthsCut());
        cuts.put("seconds", Double.isNaN(r.cutSeconds()) ? null : Latencies.round(r.cutSeconds()));
        cuts.put("response", r.cutResponse());
        json.put("cuts", cuts);
        Map<String, Object> periodsJson = new LinkedHashMap<>();
        periodsJson.put("month", periods.month());
        periodsJson.put("quarter", periods.quarter());
        periodsJson.put("financialYear", periods.financialYear());
        json.put("periods", periodsJson);
        Map<String, Object> baseline = new LinkedHashMap<>();
        baseline.put("rows", r.jdbcRows());
        baseline.put("latency", r.jdbcMonth() == null ? null : r.jdbcMonth().summary());
        json.put("baselineJdbcReadOfMonthSnapshot", baseline);
        json.put("reads", r.reads().stream().map(ReportingPhase.Reads::asJson).toList());
        Map<String, Object> rebuild = new LinkedHashMap<>();
        rebuild.put("backlog", r.backlog() == null ? null : r.backlog().asJson());
        rebuild.put("eventsOnTheFourTopics", r.eventsOnTopics());
        rebuild.put("liveListenersCatchUpSeconds", round(r.liveCatchUpSeconds()));
        rebuild.put("baselinePlainConsumerBeforePerSecond", round(r.replayBeforePerSecond()));
        rebuild.put("baselinePlainConsumerAfterPerSecond", round(r.replayAfterPerSecond()));
        rebuild.put("rebuildSeconds", round(r.rebuildSeconds()));
        rebuild.put("rebuildEventsPerSecond", round(r.rebuildPerSecond()));
        rebuild.put("serviceReportedEventsPerSecond", round(r.rebuildServiceRate()));
        rebuild.put("read", r.rebuildRead());
        rebuild.put("skipped", r.rebuildSkipped());
        rebuild.put("finalProgress", r.rebuildFinalProgress());
        rebuild.put("closedMonthReportUnchanged", r.closedMonthUnchangedByRebuild());
        json.put("rebuild", rebuild);
        Map<String, Object> ratios = new LinkedHashMap<>();
        ratios(r, periods.month()).forEach((name, value) -> ratios.put(name, round(value)));
        json.put("ratios", ratios);
        Map<String, Object> cpu = new LinkedHashMap<>();
        r.cpu().forEach((step, usage) -> {
            Map<String, Object> stepJson = new LinkedHashMap<>();
            stepJson.put("seconds", Latencies.round(usage.wallSeconds()));
            stepJson.put("wholeMachineCores", round(usage.machineCores()));
            Map<String, Object> byGroup = new LinkedHashMap<>();
            usage.coresByGroup().forEach((group, cores) -> byGroup.put(group, Latencies.round(cores)));
            stepJson.put("coresByProcess", byGroup);
            stepJson.put("otherProcessesCores", round(usage.otherCores()));
            cpu.put(step, stepJson);
        });
        json.put("cpuCoresBusy", cpu);
        json.put("loadAverageAtStepStart", r.loadAverages());
        return json;
    }

    private static Object round(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : Latencies.round(value);
    }

    private static String rate(double perSecond) {
        return Double.isNaN(perSecond) ? "NOT MEASURED" : String.format("%.0f ev/s", perSecond);
    }

    private static String ms(Latencies latencies, double percentile) {
        return latencies == null || latencies.count() == 0 ? "-"
                : String.format("%.2f ms", latencies.percentileMillis(percentile));
    }
}
