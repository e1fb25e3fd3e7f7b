package org.opendsr.reporting.snapshots.application;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.opendsr.reporting.measures.domain.Measure;
import org.opendsr.reporting.measures.domain.MonthCells;
import org.opendsr.reporting.snapshots.domain.Figures;

/** The frozen month-end snapshots and the store's cut bookkeeping. Every method runs in the caller's transaction. */
public interface Snapshots {

    /** The latest month cut, if any (months are cut in order, so every month from the first to it is cut). */
    Optional<YearMonth> latestCut();

    /** The earliest month a fact arrived in: where cutting starts. */
    Optional<YearMonth> earliestArrival();

    /** The fact seq up to which the latest cut took facts (H); 0 before the first cut. */
    long lastCutSeq();

    /** Whether the store is being rebuilt from the topics: nothing is cut from a half-built store. */
    boolean storeRebuilding();

    /**
     * Stops facts being applied until the caller's transaction ends ({@code LOCK TABLE reporting_fact IN SHARE MODE})
     * and answers the highest fact seq (H'), or {@code lastCutSeq} if no fact came since.
     */
    long holdFactsAndReadMaxSeq(long lastCutSeq);

    /** Freezes the month's figures and moves the store's last cut seq to {@code lastSeq}. */
    void freeze(YearMonth month, Instant cutAt, long lastSeq, Figures figures);

    /** Cut months between {@code first} and {@code last}, with only those measures' cells and restatements. */
    List<MonthCells> frozen(YearMonth first, YearMonth last, Set<Measure> measures);
}
