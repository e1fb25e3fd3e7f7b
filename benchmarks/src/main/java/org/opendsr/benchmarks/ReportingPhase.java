package org.opendsr.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.opendsr.local.LocalDsr;
import org.opendsr.local.Progress;

/**
 * The reporting phase (issue 14, "Performance"): (1) a year of history for {@code people} people and {@code facts}
 * facts written straight into reporting-service's store, its 12 month-end snapshots cut through the API, and the
 * monthly, quarterly and financial-year reports read from them, directly at reporting-service and through the
 * gateway, against a raw JDBC read of the same month's snapshot rows; (2) a backlog of contract-valid events on the
 * four topics reporting reads, the store rebuilt from them through the API, against a plain consumer replaying the
 * same topics. Baselines are measured in the same run, on the same servers, minutes apart.
 */
final class ReportingPhase {

    static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPORTING = "reporting-service";
    private static final int WARM_UP_READS = 5;
    private static final Duration CUT_TIMEOUT = Duration.ofMinutes(20);
    /**
     * The backlog's people are random: the other services know none of them and refuse many of its events (to their
     * dead-letter topics, each settled on its own around the batch it was in), so they apply it at a few hundred
     * events a second on 2 cores (550 s for 200,000, measured). The rebuild must not share the machine with that.
     */
    private static final Duration LIVE_CATCH_UP_TIMEOUT = Duration.ofMinutes(20);
    private static final Duration REBUILD_TIMEOUT = Duration.ofMinutes(20);
    private static final Duration REBUILD_POLL = Duration.ofMillis(100);

    private final LocalDsr dsr;
    private final Path repositoryRoot;
    private final BenchmarkOptions.Reporting options;
    private final Progress progress;
    private final List<String> problems;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    ReportingPhase(LocalDsr dsr, Path repositoryRoot, BenchmarkOptions.Reporting options, Progress progress,
                   List<String> problems) {
        this.dsr = dsr;
        this.repositoryRoot = repositoryRoot;
        this.options = options;
        this.progress = progress;
        this.problems = problems;
    }

    /**
     * The periods a run reads: the last closed month, the last quarter all closed, and the last financial year all
     * closed. All three from snapshots: a period that reaches the month still open is worked out live from the facts
     * (tens of seconds at 5 million facts), which is not what the target measures.
     */
    record Periods(YearMonth firstMonth, YearMonth lastMonth, String month, String quarter, String financialYear) {

        /** For a run in {@code now}'s month: the 12 closed months before it. */
        static Periods before(YearMonth now) {
            YearMonth last = now.minusMonths(1);
            YearMonth first = last.minusMonths(11);
            return new Periods(first, last, last.toString(), lastWholeQuarter(last), lastWholeFinancialYear(last));
        }

        /** The latest calendar quarter that ends at or before {@code last}, as YYYY-Qn. */
        static String lastWholeQuarter(YearMonth last) {
            int quarter = (last.getMonthValue() - 1) / 3 + 1;
            if (last.getMonthValue() % 3 != 0) {
                quarter--;
            }
            int year = last.getYear();
            if (quarter == 0) {
                quarter = 4;
                year--;
            }
            return year + "-Q" + quarter;
        }

        /** The latest financial year (April to March) that ends at or before {@code last}, as FYyyyy-yy. */
        static String lastWholeFinancialYear(YearMonth last) {
            return financialYear(YearMonth.of(last.getMonthValue() >= 3 ? last.getYear() : last.getYear() - 1, 3));
        }

        /** The financial year (April to March) {@code month} falls in, as FYyyyy-yy. */
        static String financialYear(YearMonth month) {
            int start = month.getMonthValue() >= 4 ? month.getYear() : month.getYear() - 1;
            return String.format("FY%d-%02d", start, (start + 1) % 100);
        }
    }

    /** One period's reads at one place. */
    record Reads(String period, String where, Latencies latencies, int failures, String status, int bytes,
                 List<String> errors) {

        Map<String, Object> asJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("period", period);
            json.put("where", where);
            json.put("status", status);
            json.put("responseBytes", bytes);
            json.put("failures", failures);
            json.put("latency", latencies.summary());
            if (!errors.isEmpty()) {
                json.put("errors", errors);
            }
            return json;
        }
    }

    /** Everything the phase measured; NaN or null where a step could not be measured (see the problems). */
    record Result(ReportingHistory.Seeded seeded, double cutSeconds, int monthsCut, String cutResponse,
                  List<Reads> reads, Latencies jdbcMonth, int jdbcRows, ReportingBacklog.Published backlog,
                  double liveCatchUpSeconds, long eventsOnTopics, double replayBeforePerSecond,
                  double replayAfterPerSecond, double rebuildSeconds, String rebuildFinalProgress,
                  double rebuildServiceRate, long rebuildRead, long rebuildSkipped,
                  boolean closedMonthUnchangedByRebuild, Map<String, CpuMeter.Usage> cpu, Map<String, Double> loadAverages) {

        Optional<Reads> read(String period, String where) {
            return reads.stream().filter(r -> r.period().equals(period) && r.where().equals(where)).findFirst();
        }

        double rebuildPerSecond() {
            return Double.isNaN(rebuildSeconds) || rebuildSeconds <= 0 ? Double.NaN : eventsOnTopics / rebuildSeconds;
        }

        /** The plain consumer's replay rate: the mean of the runs before and after the rebuild that completed. */
        double replayPerSecond() {
            return meanOfMeasured(replayBeforePerSecond, replayAfterPerSecond);
        }

        double liveCatchUpPerSecond() {
            return backlog == null || Double.isNaN(liveCatchUpSeconds) ? Double.NaN : backlog.events() / liveCatchUpSeconds;
        }
    }

    static double meanOfMeasured(double... values) {
        double[] measured = Arrays.stream(values).filter(value -> !Double.isNaN(value)).toArray();
        return measured.length == 0 ? Double.NaN : Arrays.stream(measured).average().orElse(Double.NaN);
    }

    /** p-th percentile of a in ms over the same of b: NaN when either has nothing measured. */
    static double ratio(Latencies a, Latencies b, double p) {
        if (a == null || b == null || a.count() == 0 || b.count() == 0) {
            return Double.NaN;
        }
        return a.percentileMillis(p) / b.percentileMillis(p);
    }

    Result run(CpuMeter cpu, Periods periods) throws Exception {
        Map<String, CpuMeter.Usage> cpuByStep = new LinkedHashMap<>();
        Map<String, Double> loads = new LinkedHashMap<>();
        String analyst = demoToken("analyst");
        String lead = demoToken("dsr-lead");
        String reportingUrl = dsr.serviceUrl(REPORTING);
        String gatewayUrl = dsr.gatewayUrl();

        // 1. A year of history straight into the store.
        ReportingHistory.Plan plan = ReportingHistory.Plan.of(options.people(), options.facts());
        long step = System.nanoTime();
        loads.put("seed", loadAverage());
        progress.step(String.format("reporting: seeding %d people and %d facts (%s to %s) into reporting-service's store",
                plan.people(), plan.facts(), periods.firstMonth(), periods.lastMonth()));
        ReportingHistory.Seeded seeded;
        CpuMeter.Reading before = cpu.read();
        try (Connection connection = reportingDatabase()) {
            seeded = ReportingHistory.seed(connection, plan, periods.firstMonth(), 12,
                    ReportingHistory.serviceTypes(repositoryRoot));
        }
        cpuByStep.put("seed", CpuMeter.between(before, cpu.read()));
        progress.done(Duration.ofNanos(System.nanoTime() - step));

        // 2. The 12 month-end cuts, through the API as a lead would trigger them: at reporting-service itself, since
        //    twelve cuts at once take longer than the gateway waits for an answer (its read timeout, 30 s).
        step = System.nanoTime();
        loads.put("cuts", loadAverage());
        progress.step("reporting: cutting the 12 month-end snapshots (POST /reports/snapshots/cuts at reporting-service)");
        double cutSeconds = Double.NaN;
        int monthsCut = 0;
        String cutResponse = null;
        int alreadyCut = snapshotsOf(periods);
        if (alreadyCut > 0) {
            problems.add("reporting: " + alreadyCut + " of the seeded months were already cut before the benchmark asked"
                    + " (the scheduled sweep?); the cut time covers the rest only");
        }
        before = cpu.read();
        long cutStarted = System.nanoTime();
        int status;
        int cutByThisCall;
        try {
            HttpResponse<String> cut = send(HttpRequest.newBuilder(URI.create(reportingUrl + "/reports/snapshots/cuts"))
                    .timeout(CUT_TIMEOUT).header("Authorization", "Bearer " + lead)
                    .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build());
            status = cut.statusCode();
            cutResponse = status + " " + abbreviate(cut.body());
            cutByThisCall = status / 100 == 2 ? JSON.readTree(cut.body()).path("cut").size() : 0;
        } catch (IOException lost) {
            // Seen on 2 busy cores: the service closed the connection after 5 minutes (its idle timeout) while the
            // cuts went on. Go on timing them by the snapshots that appear.
            status = 200;
            cutByThisCall = 12 - alreadyCut;
            cutResponse = "no answer: " + lost.getMessage();
            problems.add(String.format("reporting: POST /reports/snapshots/cuts got no answer (%s) after %.0f s; the"
                    + " cuts were timed by the snapshots appearing", lost.getMessage(),
                    (System.nanoTime() - cutStarted) / 1e9));
        }
        if (status / 100 != 2) {
            problems.add("reporting: POST /reports/snapshots/cuts answered " + cutResponse);
        } else {
            // Synchronous or not: done when every seeded month has its snapshot.
            long deadline = cutStarted + CUT_TIMEOUT.toNanos();
            while ((monthsCut = snapshotsOf(periods)) < 12 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            if (monthsCut < 12) {
                problems.add("reporting: only " + monthsCut + " of 12 months were cut within " + CUT_TIMEOUT);
            } else if (cutByThisCall != 12 - alreadyCut) {
                problems.add("reporting: the cut call cut " + cutByThisCall + " months, not " + (12 - alreadyCut)
                        + " (the scheduled sweep cut the others meanwhile?): the cut time is not the 12 cuts'");
            } else {
                cutSeconds = (System.nanoTime() - cutStarted) / 1e9;
            }
        }
        cpuByStep.put("cuts", CpuMeter.between(before, cpu.read()));
        progress.done(Duration.ofNanos(System.nanoTime() - step));

        // 3. Reports read from the snapshots, and the raw JDBC read of the month's snapshot rows.
        List<Reads> reads = new ArrayList<>();
        Latencies jdbc = null;
        int jdbcRows = 0;
        byte[] monthReportBefore = null;
        if (monthsCut == 12) {
            step = System.nanoTime();
            loads.put("reads", loadAverage());
            progress.step(String.format("reporting: %d reads (after %d untimed) of %s, %s and %s, at reporting-service"
                            + " and through the gateway, and of the month's snapshot rows over JDBC",
                    options.reads(), WARM_UP_READS, periods.month(), periods.quarter(), periods.financialYear()));
            before = cpu.read();
            // One reader per period: the gateway allows each user 300 reads a minute (dsr.gateway.rate-limits.reads),
            // and every role that may read reports is here (ANALYST, DSR_LEAD, DSR_TEAM).
            Map<String, String> readers = new LinkedHashMap<>();
            readers.put(periods.month(), analyst);
            readers.put(periods.quarter(), lead);
            readers.put(periods.financialYear(), demoToken("dsr-team"));
            for (Map.Entry<String, String> reader : readers.entrySet()) {
                String period = reader.getKey();
                reads.add(timeReads(period, "reporting-service", reportingUrl + "/reports/" + period, reader.getValue()));
                reads.add(timeReads(period, "gateway", gatewayUrl + "/api/reports/" + period, reader.getValue()));
            }
            JdbcRead read = timeJdbcRead(periods.lastMonth());
            jdbc = read.latencies();
            jdbcRows = read.rows();
            cpuByStep.put("reads", CpuMeter.between(before, cpu.read()));
            monthReportBefore = get(gatewayUrl + "/api/reports/" + periods.month(), analyst).body();
            progress.done(Duration.ofNanos(System.nanoTime() - step));
        } else {
            problems.add("reporting: reports were not read: the months were not all cut");
        }

        // 4. A backlog on the four topics; the live listeners (reporting-service's and every other service's reading
        //    them) apply it first (not timed as the rebuild; the catch-up time is noted), so that the rebuild does not
        //    compete with them.
        step = System.nanoTime();
        loads.put("backlog", loadAverage());
        progress.step("reporting: publishing a backlog of " + options.rebuildEvents() + " contract events on "
                + ReportingBacklog.TOPICS + " and waiting for every service's live listeners to apply it");
        ReportingBacklog backlog = new ReportingBacklog(dsr.kafkaBootstrapServers());
        long published = System.nanoTime();
        ReportingBacklog.Published sent = backlog.publish(options.rebuildEvents());
        double liveCatchUp = Double.NaN;
        long deadline = System.nanoTime() + LIVE_CATCH_UP_TIMEOUT.toNanos();
        long lag = ReportingBacklog.liveLag(dsr.kafkaBootstrapServers());
        while (lag > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            lag = ReportingBacklog.liveLag(dsr.kafkaBootstrapServers());
        }
        if (lag == 0) {
            liveCatchUp = (System.nanoTime() - published) / 1e9;
        } else {
            problems.add("reporting: the live listeners still had " + lag + " events to apply after "
                    + LIVE_CATCH_UP_TIMEOUT + " (by consumer group: "
                    + ReportingBacklog.lagByGroup(dsr.kafkaBootstrapServers())
                    + "); the rebuild was measured with them still busy");
        }
        progress.done(Duration.ofNanos(System.nanoTime() - step));

        // 5. Baseline, the rebuild, baseline again: the rebuild's rate between two plain replays of the same topics.
        long events = ReportingBacklog.eventsOn(dsr.kafkaBootstrapServers(), ReportingBacklog.TOPICS);
        TunedKafka kafka = new TunedKafka(dsr.kafkaBootstrapServers(), 1);
        loads.put("replayBefore", loadAverage());
        double replayBefore = replay(kafka, events, "before");

        step = System.nanoTime();
        loads.put("rebuild", loadAverage());
        progress.step("reporting: rebuilding the store from the " + events + " events of the four topics"
                + " (POST /api/reports/store/rebuilds, progress polled every " + REBUILD_POLL.toMillis() + " ms)");
        before = cpu.read();
        Rebuild rebuild = rebuild(gatewayUrl, reportingUrl, lead);
        cpuByStep.put("rebuild", CpuMeter.between(before, cpu.read()));
        progress.done(Duration.ofNanos(System.nanoTime() - step));

        loads.put("replayAfter", loadAverage());
        double replayAfter = replay(kafka, events, "after");

        boolean unchanged = true;
        if (monthReportBefore != null) {
            byte[] after = get(gatewayUrl + "/api/reports/" + periods.month(), analyst).body();
            unchanged = Arrays.equals(monthReportBefore, after);
            if (!unchanged) {
                problems.add("reporting: the closed month " + periods.month() + "'s report changed after the rebuild"
                        + " (snapshots must stay frozen; DEFECT in the rebuild or the snapshots)");
            }
        }
        return new Result(seeded, cutSeconds, monthsCut, cutResponse, reads, jdbc, jdbcRows, sent, liveCatchUp, events,
                replayBefore, replayAfter, rebuild.seconds(), rebuild.finalProgress(), rebuild.serviceRate(),
                rebuild.read(), rebuild.skipped(), unchanged, cpuByStep, loads);
    }

    private double replay(TunedKafka kafka, long events, String when) {
        long step = System.nanoTime();
        progress.step("reporting baseline: a plain consumer replays the " + events + " events of the four topics ("
                + when + " the rebuild), parsing each");
        double perSecond = kafka.replay(ReportingBacklog.TOPICS, (int) events, record -> {
            try {
                JSON.readTree(record.value());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, Duration.ofMinutes(5));
        progress.done(Duration.ofNanos(System.nanoTime() - step));
        if (Double.isNaN(perSecond)) {
            problems.add("reporting: the plain consumer did not read all " + events + " events (" + when + " the rebuild)");
        }
        return perSecond;
    }

    /**
     * @param seconds          POST -> progress first seen DONE, by this benchmark's clock (poll resolution 100 ms)
     * @param serviceRate      the events/s the service's progress reports itself (its own start to finish)
     * @param read             events the rebuild read, by its progress
     * @param skipped          events it left out (unreadable or refused), by its progress
     */
    private record Rebuild(double seconds, String finalProgress, double serviceRate, long read, long skipped) {

        static Rebuild failed(String progress) {
            return new Rebuild(Double.NaN, progress, Double.NaN, -1, -1);
        }
    }

    /**
     * Triggers the rebuild through the gateway and polls its progress until it says DONE (or FAILED, or the timeout),
     * at reporting-service itself: ten polls a second through the gateway would pass its 300 reads a minute.
     */
    private Rebuild rebuild(String gatewayUrl, String reportingUrl, String lead) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> trigger = send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/reports/store/rebuilds"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + lead)
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build());
        if (trigger.statusCode() / 100 != 2) {
            problems.add("reporting: POST /api/reports/store/rebuilds answered " + trigger.statusCode() + " "
                    + abbreviate(trigger.body()));
            return Rebuild.failed(null);
        }
        long deadline = started + REBUILD_TIMEOUT.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> latest = send(HttpRequest.newBuilder(
                            URI.create(reportingUrl + "/reports/store/rebuilds/latest"))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + lead)
                    .header("Accept", "application/json").GET().build());
            long now = System.nanoTime();
            last = latest.body();
            if (latest.statusCode() == 200) {
                JsonNode progress = JSON.readTree(latest.body());
                String state = rebuildState(progress);
                if ("DONE".equals(state)) {
                    if (progress.path("skipped").asLong() > 0) {
                        problems.add("reporting: the rebuild skipped " + progress.path("skipped").asLong()
                                + " events (unreadable or refused): contract-valid events should all be applied");
                    }
                    return new Rebuild((now - started) / 1e9, abbreviate(last),
                            progress.path("eventsPerSecond").asDouble(Double.NaN), progress.path("read").asLong(-1),
                            progress.path("skipped").asLong(-1));
                }
                if ("FAILED".equals(state)) {
                    problems.add("reporting: the rebuild FAILED: " + abbreviate(last));
                    return Rebuild.failed(abbreviate(last));
                }
            }
            Thread.sleep(REBUILD_POLL.toMillis());
        }
        problems.add("reporting: the rebuild was not DONE within " + REBUILD_TIMEOUT + "; last progress " + abbreviate(last));
        return Rebuild.failed(abbreviate(last));
    }

    /** The progress's state: the first of "status" or "state" it has, upper case. */
    static String rebuildState(JsonNode progress) {
        for (String field : List.of("status", "state", "phase")) {
            if (progress.hasNonNull(field)) {
                return progress.get(field).asText().toUpperCase(java.util.Locale.ROOT);
            }
        }
        return "";
    }

    private Reads timeReads(String period, String where, String url, String token) throws Exception {
        for (int i = 0; i < WARM_UP_READS; i++) {
            get(url, token);
        }
        long[] nanos = new long[options.reads()];
        int failures = 0;
        String status = null;
        int bytes = 0;
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < nanos.length; i++) {
            long started = System.nanoTime();
            HttpResponse<byte[]> response = get(url, token);
            nanos[i] = System.nanoTime() - started;
            if (response.statusCode() != 200) {
                failures++;
                if (errors.size() < 3) {
                    errors.add(response.statusCode() + " " + abbreviate(new String(response.body(),
                            java.nio.charset.StandardCharsets.UTF_8)));
                }
            } else if (status == null) {
                bytes = response.body().length;
                status = JSON.readTree(response.body()).path("status").asText();
            }
        }
        if (failures > 0) {
            problems.add("reporting: " + failures + " of " + nanos.length + " reads of " + period + " at " + where
                    + " failed, e.g. " + errors);
        }
        return new Reads(period, where, Latencies.of(nanos), failures, status, bytes, errors);
    }

    private record JdbcRead(Latencies latencies, int rows) {
    }

    /** Baseline: the month's snapshot rows (snapshot, its cells, its restatements), every column, over raw JDBC. */
    private JdbcRead timeJdbcRead(YearMonth month) throws SQLException {
        try (Connection connection = reportingDatabase()) {
            boolean dateKeyed = "date".equals(columnType(connection, "snapshot_cell", "month"));
            List<String> tables = List.of("snapshot", "snapshot_cell", "snapshot_restatement");
            List<PreparedStatement> statements = new ArrayList<>();
            try {
                for (String table : tables) {
                    PreparedStatement statement = connection.prepareStatement("SELECT * FROM " + table + " WHERE month = ?");
                    if (dateKeyed) {
                        statement.setDate(1, java.sql.Date.valueOf(month.atDay(1)));
                    } else {
                        statement.setString(1, month.toString());
                    }
                    statements.add(statement);
                }
                int rows = 0;
                for (int i = 0; i < WARM_UP_READS; i++) {
                    rows = readAll(statements);
                }
                long[] nanos = new long[options.reads()];
                for (int i = 0; i < nanos.length; i++) {
                    long started = System.nanoTime();
                    readAll(statements);
                    nanos[i] = System.nanoTime() - started;
                }
                return new JdbcRead(Latencies.of(nanos), rows);
            } finally {
                for (PreparedStatement statement : statements) {
                    statement.close();
                }
            }
        }
    }

    private static int readAll(List<PreparedStatement> statements) throws SQLException {
        int rows = 0;
        for (PreparedStatement statement : statements) {
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    for (int c = 1; c <= columns; c++) {
                        result.getObject(c);
                    }
                    rows++;
                }
            }
        }
        return rows;
    }

    private static String columnType(Connection connection, String table, String column) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT data_type FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND table_name = ? AND column_name = ?")) {
            statement.setString(1, table);
            statement.setString(2, column);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getString(1) : "";
            }
        }
    }

    /** How many of the seeded months have a snapshot (0 where the snapshot table does not exist). */
    private int snapshotsOf(Periods periods) throws SQLException {
        try (Connection connection = reportingDatabase(); Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery("SELECT to_regclass('snapshot') IS NOT NULL")) {
                exists.next();
                if (!exists.getBoolean(1)) {
                    return 0;
                }
            }
            // Whether the month is kept as a date or as text, its text starts with YYYY-MM.
            try (ResultSet result = statement.executeQuery("SELECT count(DISTINCT left(month::text, 7)) FROM snapshot"
                    + " WHERE left(month::text, 7) BETWEEN '" + periods.firstMonth() + "' AND '" + periods.lastMonth() + "'")) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    private Connection reportingDatabase() throws SQLException {
        return DriverManager.getConnection(dsr.jdbcUrl("reporting"), dsr.postgresUsername(), dsr.postgresPassword());
    }

    private HttpResponse<byte[]> get(String url, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String demoToken(String username) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(dsr.gatewayUrl() + "/auth/demo-token"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\"}")).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No demo token for " + username + ": " + response.statusCode());
        }
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private static double loadAverage() {
        return Latencies.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return null;
        }
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
    }
}
