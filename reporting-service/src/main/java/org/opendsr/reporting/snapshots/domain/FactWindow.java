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
 * arrived before m. Worked out live, only the earliest open month (right after the latest cut) takes the late facts;
 * a later open month takes none (they are the earliest open month's, and counted once).
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

    /**
     * A month not cut yet, worked out live. Late facts (of months already cut, applied after the last cut) belong to
     * the earliest open month, the one right after the latest cut, which its cut will take: only that month takes them
     * live. A later open month (its previous month not cut either, between a month end and its cut) takes none, or a
     * quarter over both would count them twice. None either if nothing was cut.
     */
    public static FactWindow live(YearMonth month, long lastCutSeq, Optional<YearMonth> latestCut) {
        Optional<YearMonth> earliestOpen = latestCut.map(cut -> cut.plusMonths(1));
        return new FactWindow(month, lastCutSeq, EVERYTHING, earliestOpen.filter(month::equals));
    }
}
