package org.opendsr.benchmarks.chaos;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the run found, printed for people and written as JSON. */
final class ChaosReport {

    private final Map<String, Double> restartSeconds = new LinkedHashMap<>();
    /** Consumer group -> seconds from kill -9 until its partitions moved again; null: never within the limit. */
    private final Map<String, Double> failoverSeconds = new LinkedHashMap<>();
    private final List<String> faultsRun = new ArrayList<>();
    private final List<String> faultsFailed = new ArrayList<>();
    private String readiness = "not probed";
    private final Duration failoverBound;

    ChaosReport(Duration failoverBound) {
        this.failoverBound = failoverBound;
    }

    synchronized void ran(String fault) {
        faultsRun.add(fault);
    }

    synchronized void failed(String fault, Exception e) {
        faultsFailed.add(fault + ": " + e);
    }

    synchronized void restarted(String what, Duration took) {
        restartSeconds.put(what, round(took.toNanos() / 1e9));
    }

    /** A negative duration: the group had nothing to consume while its process was down, so nothing was measured. */
    synchronized void failover(String group, Duration took) {
        if (took == null) {
            failoverSeconds.put(group, null);
        } else if (!took.isNegative()) {
            failoverSeconds.put(group, round(took.toNanos() / 1e9));
        }
    }

    synchronized void readinessDuringOutage(String outcome, double seconds) {
        readiness = String.format("%s after %.2f s", outcome, seconds);
    }

    /** Groups whose partitions did not move again within the bound (or never). */
    synchronized List<String> slowFailovers() {
        List<String> slow = new ArrayList<>();
        failoverSeconds.forEach((group, seconds) -> {
            if (seconds == null || seconds > failoverBound.toSeconds()) {
                slow.add(group + ": " + (seconds == null ? "never" : seconds + " s"));
            }
        });
        return slow;
    }

    synchronized Double worstFailover() {
        return failoverSeconds.values().stream().map(s -> s == null ? Double.POSITIVE_INFINITY : s)
                .max(Double::compare).orElse(null);
    }

    synchronized void print(PrintStream out, Ledger ledger, Reconciliation.Result result, List<String> slow) {
        out.println();
        out.println("Faults: " + String.join("; ", faultsRun));
        faultsFailed.forEach(f -> out.println("  FAULT COULD NOT BE RUN: " + f));
        out.println("Restart (kill -9 or stop until ready again), seconds: " + restartSeconds);
        out.println("Consumer failover (kill -9 until its partitions are consumed again), seconds: " + failoverSeconds);
        out.println("referral-service readiness while PostgreSQL was down: " + readiness);
        out.println("HTTP answers: " + new TreeMap<>(ledger.answers) + "; no answer (connection refused or timed out): "
                + ledger.noAnswer.get());
        out.printf("Agency events: %d valid and %d bad acknowledged by the broker, %d never acknowledged%n",
                ledger.validAgencyEvents.size(), ledger.badAgencyEvents.size(), ledger.agencyNotAcknowledged.get());
        out.println("Event ids on more than one record of a topic (allowed, at-least-once): " + result.duplicatesOnTopics());
        out.println();
        result.examples().forEach((what, examples) -> out.println("  " + what + ": " + examples));
        out.println();
        out.printf("LOST %d   DUPLICATED (applied twice) %d   STALLED %d   UNEXPECTED 5XX %d   SLOW UNDER FAULTS %d%n",
                result.lost(), result.duplicated(), result.stalled(), result.unexpected5xx(), slow.size());
        Double worst = worstFailover();
        out.println("Failover time (worst consumer group): " + (worst == null ? "not measured"
                : worst.isInfinite() ? "never within the limit" : worst + " s") + " (bound " + failoverBound.toSeconds() + " s)");
        slow.forEach(s -> out.println("  slow: " + s));
    }

    synchronized Map<String, Object> asJson(Ledger ledger, Reconciliation.Result result, List<String> slow) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("lost", result.lost());
        json.put("duplicated", result.duplicated());
        json.put("stalled", result.stalled());
        json.put("unexpected5xx", result.unexpected5xx());
        json.put("slowUnderFaults", slow.size());
        json.put("slow", slow);
        json.put("failoverSeconds", failoverSeconds);
        json.put("failoverBoundSeconds", failoverBound.toSeconds());
        json.put("restartSeconds", restartSeconds);
        json.put("readinessDuringOutage", readiness);
        json.put("faults", faultsRun);
        json.put("faultsNotRun", faultsFailed);
        json.put("httpAnswers", new TreeMap<>(ledger.answers));
        json.put("httpNoAnswer", ledger.noAnswer.get());
        json.put("acceptedReferrals", ledger.acceptedReferralIds.size());
        json.put("validAgencyEvents", ledger.validAgencyEvents.size());
        json.put("badAgencyEvents", ledger.badAgencyEvents.size());
        json.put("agencyEventsNotAcknowledged", ledger.agencyNotAcknowledged.get());
        json.put("duplicatesOnTopics", result.duplicatesOnTopics());
        json.put("examples", result.examples());
        return json;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }
}
