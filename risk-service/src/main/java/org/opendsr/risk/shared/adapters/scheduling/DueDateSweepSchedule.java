package org.opendsr.risk.shared.adapters.scheduling;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.opendsr.kit.sweep.SweepingDueDates;

/**
 * Marks overdue updates and obligations a few minutes after they pass their day. Each sweep's own lock-free
 * idempotence (an overdue is announced once, in the transaction that marks it) makes overlapping replicas harmless.
 */
@Singleton
@Requires(property = "dsr.risk.sweep.schedule-enabled", notEquals = "false")
class DueDateSweepSchedule {

    private final SweepingDueDates sweeping;

    DueDateSweepSchedule(SweepingDueDates sweeping) {
        this.sweeping = sweeping;
    }

    @Scheduled(fixedDelay = "${dsr.risk.sweep.interval:5m}", initialDelay = "${dsr.risk.sweep.initial-delay:1m}")
    void sweep() {
        sweeping.sweepNow();
    }
}
