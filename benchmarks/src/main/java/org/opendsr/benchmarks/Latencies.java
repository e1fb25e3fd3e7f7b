package org.opendsr.benchmarks;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A set of measured durations in nanoseconds and their percentiles. Values may be negative: a propagation time
 * is negative when an event reached the topic before its HTTP response reached the caller.
 *
 * <p>Percentiles use the nearest-rank method (the smallest value with at least p% of the values at or below it),
 * so every reported figure is a time that was really measured, never an interpolation.
 */
public final class Latencies {

    private final long[] sortedNanos;

    private Latencies(long[] sortedNanos) {
        this.sortedNanos = sortedNanos;
    }

    public static Latencies of(long[] nanos) {
        long[] copy = nanos.clone();
        Arrays.sort(copy);
        return new Latencies(copy);
    }

    public int count() {
        return sortedNanos.length;
    }

    /** The nearest-rank percentile, p in (0, 100]. */
    public long percentileNanos(double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("a percentile is in (0, 100]: " + p);
        }
        if (sortedNanos.length == 0) {
            throw new IllegalStateException("no values measured");
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(rank, 1) - 1];
    }

    public double percentileMillis(double p) {
        return percentileNanos(p) / 1e6;
    }

    public double meanMillis() {
        if (sortedNanos.length == 0) {
            throw new IllegalStateException("no values measured");
        }
        double sum = 0;
        for (long value : sortedNanos) {
            sum += value;
        }
        return sum / sortedNanos.length / 1e6;
    }

    public double maxMillis() {
        return percentileMillis(100);
    }

    public double minMillis() {
        if (sortedNanos.length == 0) {
            throw new IllegalStateException("no values measured");
        }
        return sortedNanos[0] / 1e6;
    }

    /** How many values are below zero. */
    public int negatives() {
        int count = 0;
        for (long value : sortedNanos) {
            if (value < 0) {
                count++;
            }
        }
        return count;
    }

    /** For the JSON results: count, min, p50, p95, p99, max and mean in milliseconds. */
    public Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("count", count());
        if (count() > 0) {
            summary.put("minMs", round(minMillis()));
            summary.put("p50Ms", round(percentileMillis(50)));
            summary.put("p95Ms", round(percentileMillis(95)));
            summary.put("p99Ms", round(percentileMillis(99)));
            summary.put("maxMs", round(maxMillis()));
            summary.put("meanMs", round(meanMillis()));
        }
        return summary;
    }

    static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }
}
