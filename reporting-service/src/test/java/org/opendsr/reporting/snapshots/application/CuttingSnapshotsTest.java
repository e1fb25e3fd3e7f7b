package org.opendsr.reporting.snapshots.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.opendsr.kit.ports.Locks;
import org.opendsr.reporting.measures.domain.Measure;
import org.opendsr.reporting.measures.domain.MonthCells;
import org.opendsr.reporting.snapshots.domain.CutSchedule;
import org.opendsr.reporting.snapshots.domain.Figures;

/** The cut against a rebuild that starts between the cut's first look at the flag and its table lock. */
class CuttingSnapshotsTest {

    @Test
    void aRebuildThatSetTheFlagWhileTheCutWaitedForTheTableLockStopsTheCut() {
        RebuildStartsDuringTheLock snapshots = new RebuildStartsDuringTheLock();
        List<Object> workedOut = new ArrayList<>();
        Locks locks = new Locks() {
            @Override
            public void lock(String name) {
            }

            @Override
            public boolean tryLock(String name) {
                return true;
            }
        };
        CuttingSnapshots cutting = new CuttingSnapshots(snapshots, (window, measures) -> {
            workedOut.add(window);
            return new Figures(List.of(), List.of());
        }, locks);

        assertThat(cutting.cutNextIfDue(new CutSchedule(Duration.ofHours(1)), Instant.parse("2026-08-01T12:00:00Z")))
                .isEmpty();
        assertThat(snapshots.frozen).as("nothing frozen").isEmpty();
        assertThat(workedOut).isEmpty();
    }

    /** The flag reads false until the facts are held (the rebuild's emptying commits while the cut waits). */
    private static final class RebuildStartsDuringTheLock implements Snapshots {
        boolean rebuilding;
        final List<YearMonth> frozen = new ArrayList<>();

        @Override
        public Optional<YearMonth> latestCut() {
            return Optional.empty();
        }

        @Override
        public Optional<YearMonth> earliestArrival() {
            return Optional.of(YearMonth.of(2026, 6));
        }

        @Override
        public long lastCutSeq() {
            return 0;
        }

        @Override
        public boolean storeRebuilding() {
            return rebuilding;
        }

        @Override
        public long holdFactsAndReadMaxSeq(long lastCutSeq) {
            rebuilding = true;
            return 0;
        }

        @Override
        public void freeze(YearMonth month, Instant cutAt, long lastSeq, Figures figures) {
            frozen.add(month);
        }

        @Override
        public List<MonthCells> frozen(YearMonth first, YearMonth last, Set<Measure> measures) {
            return List.of();
        }
    }
}
