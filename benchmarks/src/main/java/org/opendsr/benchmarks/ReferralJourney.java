package org.opendsr.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The journey under measurement: professionals refer people through the gateway (POST /api/referrals), the
 * referral service commits the referral and its ReferralReceived event in one transaction, the outbox relay
 * publishes the event to dsr.referral.events, and reporting-service counts it into the published report.
 */
final class ReferralJourney {

    static final String REFERRAL_EVENTS = "dsr.referral.events";
    static final String REFERRAL_RECEIVED = "dsr.referral.received.v1";
    static final String REFERRALS_RECEIVED_MEASURE = "referrals-received";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    private final String gatewayUrl;
    private final String bootstrapServers;
    private final int callers;
    // HTTP/1.1 with keep-alive, as an agency system would call; no h2c upgrade attempt on plain http.
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String professionalToken;
    private final String analystToken;
    private final String reportPath;

    ReferralJourney(String gatewayUrl, String bootstrapServers, int callers) throws IOException, InterruptedException {
        this.gatewayUrl = gatewayUrl;
        this.bootstrapServers = bootstrapServers;
        this.callers = callers;
        this.professionalToken = demoToken("professional");
        this.analystToken = demoToken("analyst");
        // This month's report (issue 14: whole months, quarters and financial years only), still open so counted live,
        // and only the one measure (?measure=), as a dashboard polling it would ask. A referral counts in the month it
        // reached the DSR: a run that crosses midnight at a month's end (England) would wait for its report in vain.
        this.reportPath = "/api/reports/" + YearMonth.now(ENGLAND) + "?measure=" + REFERRALS_RECEIVED_MEASURE;
    }

    /**
     * What a measured run saw.
     *
     * @param ingest             the POSTs: their rate and HTTP latency; failures are answers other than 201
     * @param non201             status code -> how many times it was answered (201 excluded)
     * @param propagation        per referral: from its 201 reaching the caller to its event reaching a consumer
     * @param sinceOutboxWrite   per referral: from its outbox row's insert (the CloudEvent's time, written by the
     *                           database just before the commit) to its event reaching a consumer, by the wall clock
     * @param notSeenOnTopic     referrals answered 201 whose event never arrived within the timeout
     * @param reportDrainNanos   from the last 201 until the report's total showed every referral, or -1 if it never did
     * @param lastReportTotal    the report total last read
     * @param eventBytes         the size of a ReferralReceived record value as the relay published it
     * @param ingestCpu          where the CPU went while the referrals were being posted
     * @param wholeCpu           where the CPU went from the first POST until every event was seen and the report
     *                           caught up: all the work the referrals caused, for CPU per referral
     */
    record Result(ConcurrentCallers.Outcome ingest, Map<Integer, Long> non201, Latencies propagation,
                  Latencies sinceOutboxWrite, int notSeenOnTopic, long reportDrainNanos, String lastReportTotal, int eventBytes,
                  CpuMeter.Usage ingestCpu, CpuMeter.Usage wholeCpu) {

        /** Referrals per second from the first POST until the report counted them all: the slowest stage's pace. */
        double reportedPerSecond() {
            return reportDrainNanos < 0 ? Double.NaN : ingest.calls() / ((ingest.elapsedNanos() + reportDrainNanos) / 1e9);
        }
    }

    /** Drives the calls of a measurement: a closed loop of callers, or an open loop at a fixed rate. */
    interface Driver {
        ConcurrentCallers.Outcome drive(String name, int count, ConcurrentCallers.Call call);
    }

    /** The closed loop of {@code callers} callers this journey was made with. */
    Driver closedLoop() {
        return (name, count, call) -> ConcurrentCallers.run(name, count, callers, call);
    }

    /** Refers {@code referrals} people, untimed; returns how many were accepted (201). */
    int warmUp(int referrals) {
        return warmUp(referrals, 0);
    }

    /** Refers {@code referrals} people from sample {@code firstIndex} on, untimed; returns how many were accepted. */
    int warmUp(int referrals, int firstIndex) {
        AtomicLong accepted = new AtomicLong();
        ConcurrentCallers.run("journey-warm-up", referrals, callers, (index, caller) -> {
            boolean ok = refer(firstIndex + index).statusCode() == 201;
            if (ok) {
                accepted.incrementAndGet();
            }
            return ok;
        });
        return (int) accepted.get();
    }

    /**
     * Refers {@code referrals} people and follows each referral to the topic and all of them into the report.
     *
     * @param acceptedBefore referrals accepted earlier in this run (the warm-up), which the report also counts
     */
    Result measure(int referrals, long acceptedBefore, Duration propagationTimeout, Duration reportTimeout,
                   CpuMeter cpu) throws InterruptedException, IOException {
        return measure(referrals, 0, acceptedBefore, propagationTimeout, reportTimeout, cpu, closedLoop());
    }

    /**
     * As {@link #measure(int, long, Duration, Duration, CpuMeter)}, with the referrals' samples from
     * {@code firstIndex} on (a different person each, across the whole run) and driven by {@code driver}.
     */
    Result measure(int referrals, int firstIndex, long acceptedBefore, Duration propagationTimeout,
                   Duration reportTimeout, CpuMeter cpu, Driver driver) throws InterruptedException, IOException {
        long[] answeredAt = new long[referrals];
        String[] referralIds = new String[referrals];
        Map<Integer, Long> non201 = new ConcurrentHashMap<>();
        Map<String, Long> seenAt = new ConcurrentHashMap<>();
        Map<String, Long> sinceOutboxWrite = new ConcurrentHashMap<>();
        AtomicLong eventBytes = new AtomicLong();

        // Subscribed from the end before the first POST, so every measured event is seen.
        ConcurrentCallers.Outcome ingest;
        long reportDrain;
        String lastTotal;
        CpuMeter.Usage ingestCpu;
        CpuMeter.Reading beforeAll;
        try (TopicWatcher watcher = TopicWatcher.start(bootstrapServers, REFERRAL_EVENTS, true,
                (record, seen, seenWhen) -> noteEvent(record, seen, seenWhen, seenAt, sinceOutboxWrite, eventBytes))) {
            CpuMeter.Reading beforeIngest = cpu.read();
            beforeAll = beforeIngest;
            ingest = driver.drive("journey", referrals, (index, caller) -> {
                HttpResponse<String> response = refer(firstIndex + index);
                answeredAt[index] = System.nanoTime();
                if (response.statusCode() != 201) {
                    non201.merge(response.statusCode(), 1L, Long::sum);
                    return false;
                }
                referralIds[index] = JSON.readTree(response.body()).path("referralId").asText();
                return true;
            });
            ingestCpu = CpuMeter.between(beforeIngest, cpu.read());
            long lastAnswer = Arrays.stream(answeredAt).max().orElseThrow();
            long accepted = acceptedBefore + referrals - ingest.failures();

            // End to end: poll the published report until its total is what all accepted referrals round to.
            String expected = ReportDrain.publishedTotal(accepted);
            long deadline = System.nanoTime() + reportTimeout.toNanos();
            reportDrain = -1;
            lastTotal = reportTotal();
            while (System.nanoTime() < deadline) {
                if (expected.equals(lastTotal)) {
                    reportDrain = System.nanoTime() - lastAnswer;
                    break;
                }
                Thread.sleep(ReportDrain.POLL_INTERVAL.toMillis());
                lastTotal = reportTotal();
            }

            // Then make sure every event has been seen on the topic (normally long since).
            deadline = System.nanoTime() + propagationTimeout.toNanos();
            while (!allSeen(referralIds, seenAt) && System.nanoTime() < deadline) {
                watcher.checkHealthy();
                Thread.sleep(20);
            }
        }
        CpuMeter.Usage wholeCpu = CpuMeter.between(beforeAll, cpu.read());
        long[] propagation = new long[referrals];
        long[] afterOutboxWrite = new long[referrals];
        int measured = 0;
        int notSeen = 0;
        for (int i = 0; i < referrals; i++) {
            if (referralIds[i] == null) {
                continue;
            }
            Long seen = seenAt.get(referralIds[i]);
            if (seen == null) {
                notSeen++;
            } else {
                afterOutboxWrite[measured] = sinceOutboxWrite.get(referralIds[i]);
                propagation[measured++] = seen - answeredAt[i];
            }
        }
        return new Result(ingest, Map.copyOf(non201), Latencies.of(Arrays.copyOf(propagation, measured)),
                Latencies.of(Arrays.copyOf(afterOutboxWrite, measured)), notSeen,
                reportDrain, lastTotal, (int) eventBytes.get(), ingestCpu, wholeCpu);
    }

    /** The report total as published (a disclosure-controlled string: "0", "*" or a multiple of 5). */
    String reportTotal() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gatewayUrl + reportPath))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + analystToken)
                .header("Accept", "application/json")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + reportPath + " answered " + response.statusCode() + ": " + response.body());
        }
        return totalOf(JSON.readTree(response.body()));
    }

    /** The ICB total of referrals received in a report (issue 14's JSON): its ALL/TOTAL/ALL cell's published value. */
    static String totalOf(JsonNode report) {
        for (JsonNode measure : report.path("measures")) {
            if (REFERRALS_RECEIVED_MEASURE.equals(measure.path("id").asText())) {
                for (JsonNode cell : measure.path("cells")) {
                    if ("ALL".equals(cell.path("group").asText()) && "TOTAL".equals(cell.path("dimension").asText())
                            && "ALL".equals(cell.path("category").asText())) {
                        return cell.path("value").asText();
                    }
                }
            }
        }
        throw new IllegalStateException("The report has no total of " + REFERRALS_RECEIVED_MEASURE);
    }

    /** One referral of sample {@code index}; true when it was accepted (201). */
    boolean referOne(int index) throws IOException, InterruptedException {
        return refer(index).statusCode() == 201;
    }

    private HttpResponse<String> refer(int index) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/referrals"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + professionalToken)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(ReferralSample.requestBody(index))))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void noteEvent(ConsumerRecord<String, byte[]> record, long seenNanos, Instant seenWhen,
                                  Map<String, Long> seenAt, Map<String, Long> sinceOutboxWrite, AtomicLong eventBytes) {
        try {
            JsonNode event = JSON.readTree(record.value());
            if (REFERRAL_RECEIVED.equals(event.path("type").asText())) {
                String referralId = event.path("data").path("referralId").asText();
                // The relay sets the CloudEvent's time to the outbox row's created_at (clock_timestamp() at the
                // insert); the database and this JVM read the same machine clock.
                Instant written = OffsetDateTime.parse(event.path("time").asText()).toInstant();
                if (seenAt.putIfAbsent(referralId, seenNanos) == null) {
                    sinceOutboxWrite.put(referralId, Duration.between(written, seenWhen).toNanos());
                }
                eventBytes.set(record.value().length);
            }
        } catch (IOException notJson) {
            // not an event of ours; the referral service only writes JSON, so this would show as a missing event
        }
    }

    private static boolean allSeen(String[] referralIds, Map<String, Long> seenAt) {
        for (String id : referralIds) {
            if (id != null && !seenAt.containsKey(id)) {
                return false;
            }
        }
        return true;
    }

    private String demoToken(String username) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/auth/demo-token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No demo token for " + username + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).path("access_token").asText();
    }
}
