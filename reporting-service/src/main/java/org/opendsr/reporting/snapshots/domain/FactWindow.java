package org.opendsr.reporting.snapshots.domain;

import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;

/**
 * Which facts a month's figures take (the flows; stocks take every fact up to {@link #uptoSeq}), by the store's apply
 * order {@code seq}:
 * <ul>
 *   <li>the facts that arrived in the month, up to {@code uptoSeq} (H', the highest seq when the month is cut; none for
 *       a month still open, which takes everything so far);</li>
 *   <li>late facts: those that arrived in a month already cut ({@code lateArrivedBefore}) but were applied after that
 *       cut ({@code seq > afterSeq}, H = the last cut's seq). Their month's snapshot is frozen, so they are counted
 *       here and listed as restatements of the month they happened in.</li>
 * </ul>
 * When month m is cut its months before are all cut (months are cut in order), so the late facts are those that
 * arrived before m. For an open month the late facts are those of months already cut: a month between the last cut and
 * this one (its cut not yet run) will count its own facts.
 */
public record FactWindow(YearMonth month, long afterSeq, long uptoSeq, Optional<YearMonth> lateArrivedBefore) {

    /** No upper bound: a month still open takes every fact applied so far. */
    public static final long EVERYTHING = Long.MAX_VALUE;

    public FactWindow {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(lateArrivedBefore, "lateArrivedBefore");
        if (afterSeq < 0 || uptoSeq < afterSeq) {
            throw new IllegalArgumentException("a window's seqs run 0 <= after <= upto");
        }
    }

    /** The cut of a month: the months before it are all cut, the last at {@code lastCutSeq}; {@code maxSeq} now. */
    public static FactWindow forCut(YearMonth month, long lastCutSeq, long maxSeq) {
        return new FactWindow(month, lastCutSeq, maxSeq, Optional.of(month));
    }

    /** A month not cut yet, worked out live: late facts only of months already cut (none if nothing was cut). */
    public static FactWindow live(YearMonth month, long lastCutSeq, Optional<YearMonth> latestCut) {
        return new FactWindow(month, lastCutSeq, EVERYTHING, latestCut.map(cut -> cut.plusMonths(1)));
    }
}
