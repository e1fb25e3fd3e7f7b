package org.opendsr.reporting.snapshots.application;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.reporting.measures.application.MonthFigures;
import org.opendsr.reporting.measures.domain.Measure;
import org.opendsr.reporting.measures.domain.MonthCells;
import org.opendsr.reporting.snapshots.domain.CutSchedule;
import org.opendsr.reporting.snapshots.domain.FactWindow;
import org.opendsr.reporting.snapshots.domain.Figures;

/**
 * A month's figures for publishing. A cut month: its frozen snapshot, exactly as cut (never recomputed; cells in one
 * fixed order, so its outputs are the same bytes whenever asked). A month not cut yet, up to the current month in
 * England: worked out live from the store, provisional. A month after the current one: nothing. A month before the
 * first cut (the store holds nothing that arrived then): final and empty.
 *
 * <p>Reads run in one REPEATABLE READ transaction, so a live month's measures all see the same facts.
 */
@Singleton
public class ReadingMonthFigures implements MonthFigures {

    private final Snapshots snapshots;
    private final MeasureCells measureCells;
    private final Clock clock;

    ReadingMonthFigures(Snapshots snapshots, MeasureCells measureCells, Clock clock) {
        this.snapshots = snapshots;
        this.measureCells = measureCells;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true, isolation = TransactionDefinition.Isolation.REPEATABLE_READ)
    public Optional<MonthCells> of(YearMonth month, Set<Measure> measures) {
        List<MonthCells> months = months(month, month, measures);
        return months.stream().findFirst();
    }

    @Override
    @Transactional(readOnly = true, isolation = TransactionDefinition.Isolation.REPEATABLE_READ)
    public List<MonthCells> months(YearMonth first, YearMonth last, Set<Measure> measures) {
        YearMonth current = CutSchedule.monthAt(clock.instant());
        YearMonth upTo = last.isAfter(current) ? current : last;
        if (first.isAfter(upTo) || measures.isEmpty()) {
            return List.of();
        }
        Set<Measure> asked = EnumSet.copyOf(measures);
        Optional<YearMonth> latestCut = snapshots.latestCut();
        List<MonthCells> months = new ArrayList<>();
        if (latestCut.isPresent() && !first.isAfter(latestCut.get())) {
            YearMonth lastCut = upTo.isAfter(latestCut.get()) ? latestCut.get() : upTo;
            List<MonthCells> frozen = snapshots.frozen(first, lastCut, asked);
            int next = 0;
            for (YearMonth month = first; !month.isAfter(lastCut); month = month.plusMonths(1)) {
                if (next < frozen.size() && frozen.get(next).month().equals(month)) {
                    months.add(frozen.get(next++));
                } else {
                    // Before the first cut: nothing had arrived in the store for it.
                    months.add(new MonthCells(month, false, null, List.of(), List.of()));
                }
            }
        }
        YearMonth firstOpen = latestCut.filter(cut -> !first.isAfter(cut)).map(cut -> cut.plusMonths(1)).orElse(first);
        if (!firstOpen.isAfter(upTo)) {
            long lastCutSeq = snapshots.lastCutSeq();
            for (YearMonth month = firstOpen; !month.isAfter(upTo); month = month.plusMonths(1)) {
                Figures live = measureCells.workOut(FactWindow.live(month, lastCutSeq, latestCut), asked);
                months.add(new MonthCells(month, true, null, live.cells(), live.restatements()));
            }
        }
        return months;
    }
}
