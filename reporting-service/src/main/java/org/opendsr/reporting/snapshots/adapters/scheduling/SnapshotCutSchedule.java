package org.opendsr.reporting.snapshots.adapters.scheduling;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.opendsr.kit.sweep.SweepingDueDates;

/**
 * Cuts the month-end snapshots that are due every few minutes (the kit's due-date sweep runs
 * {@code MonthEndCuts}). The cut lock and the snapshot's primary key make replicas sweeping at once harmless.
 */
@Singleton
@Requires(property = "dsr.reporting.snapshots.schedule-enabled", notEquals = "false")
class SnapshotCutSchedule {

    private final SweepingDueDates sweeping;

    SnapshotCutSchedule(SweepingDueDates sweeping) {
        this.sweeping = sweeping;
    }

    @Scheduled(fixedDelay = "${dsr.reporting.snapshots.interval:10m}",
            initialDelay = "${dsr.reporting.snapshots.initial-delay:1m}")
    void cut() {
        sweeping.sweepNow();
    }
}
