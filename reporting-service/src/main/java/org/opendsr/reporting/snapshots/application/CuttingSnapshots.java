package org.opendsr.reporting.snapshots.application;

import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.Optional;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.kit.ports.Locks;
import org.opendsr.reporting.measures.domain.Measure;
import org.opendsr.reporting.snapshots.domain.Cut;
import org.opendsr.reporting.snapshots.domain.CutSchedule;
import org.opendsr.reporting.snapshots.domain.FactWindow;
import org.opendsr.reporting.snapshots.domain.Figures;

/**
 * The cut of one month, in one transaction: the replicas' cut lock (a second replica waits, then finds the month cut
 * and does nothing), facts held still ({@code LOCK TABLE reporting_fact IN SHARE MODE}, so H' is exact), the month's
 * figures worked out up to H' and frozen, and the store's last cut seq moved to H'. Months are cut in order, so "the
 * next month" is the one after the latest cut, or the earliest month any fact arrived in.
 */
@Singleton
public class CuttingSnapshots {

    /** Named for what it protects; one per service database. */
    static final String CUT_LOCK = "reporting:month-end-cut";

    private final Snapshots snapshots;
    private final MeasureCells measureCells;
    private final Locks locks;

    CuttingSnapshots(Snapshots snapshots, MeasureCells measureCells, Locks locks) {
        this.snapshots = snapshots;
        this.measureCells = measureCells;
        this.locks = locks;
    }

    /** Cuts the next month if it is due by {@code now}; empty when there is nothing (yet) to cut. */
    @Transactional
    public Optional<Cut> cutNextIfDue(CutSchedule schedule, Instant now) {
        locks.lock(CUT_LOCK);
        if (snapshots.storeRebuilding()) {
            return Optional.empty();
        }
        Optional<YearMonth> next = snapshots.latestCut().map(cut -> cut.plusMonths(1))
                .or(snapshots::earliestArrival);
        if (next.isEmpty() || !schedule.isDue(next.get(), now)) {
            return Optional.empty();
        }
        YearMonth month = next.get();
        long lastCutSeq = snapshots.lastCutSeq();
        long maxSeq = snapshots.holdFactsAndReadMaxSeq(lastCutSeq);
        // Read again under the table lock: a rebuild that set the flag (and emptied the store) after the first read
        // has committed by now, so a cut never freezes a store being emptied or refilled.
        if (snapshots.storeRebuilding()) {
            return Optional.empty();
        }
        Figures figures = measureCells.workOut(FactWindow.forCut(month, lastCutSeq, maxSeq), EnumSet.allOf(Measure.class));
        snapshots.freeze(month, now, maxSeq, figures);
        return Optional.of(new Cut(month, now, maxSeq, figures.cells().size(), figures.restatements().size()));
    }
}
