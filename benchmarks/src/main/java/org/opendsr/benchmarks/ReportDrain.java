package org.opendsr.benchmarks;

import java.time.Duration;

/**
 * How the benchmark knows the published report has caught up. The report never shows an exact count: every figure
 * passes NHS Digital disclosure control (reporting-service's DisclosureControl with its default settings: 0 stays 0,
 * 1 to 7 show as "*", others are rounded to the nearest 5). So the benchmark waits until the total shows what the
 * number of accepted referrals rounds to. That can happen up to 2 referrals early (e.g. 2198 already shows "2200"):
 * the figure is the time for the report to drain the backlog, not a per-event latency.
 */
final class ReportDrain {

    /** How often the report is read while waiting: the resolution of the drain time. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private static final int SUPPRESS_UP_TO = 7;
    private static final int ROUND_TO_NEAREST = 5;

    private ReportDrain() {
    }

    /** The total the report publishes for this many referrals. */
    static String publishedTotal(long referrals) {
        if (referrals < 0) {
            throw new IllegalArgumentException("a count cannot be negative");
        }
        if (referrals == 0) {
            return "0";
        }
        if (referrals <= SUPPRESS_UP_TO) {
            return "*";
        }
        return Long.toString(Math.round((double) referrals / ROUND_TO_NEAREST) * ROUND_TO_NEAREST);
    }
}
