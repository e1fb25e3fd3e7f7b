package org.opendsr.meeting.shared.adapters.scheduling;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.opendsr.kit.sweep.SweepingDueDates;

/**
 * Assembles agendas at their cut-off and marks overdue actions a few minutes after they pass their day. Each sweep's own lock-free
 * idempotence (an agenda is assembled once, an overdue announced once, in the transaction that marks it) makes overlapping replicas harmless.
 */
@Singleton
@Requires(property = "dsr.meeting.sweep.schedule-enabled", notEquals = "false")
class DueDateSweepSchedule {

    private final SweepingDueDates sweeping;

    DueDateSweepSchedule(SweepingDueDates sweeping) {
        this.sweeping = sweeping;
    }

    @Scheduled(fixedDelay = "${dsr.meeting.sweep.interval:5m}", initialDelay = "${dsr.meeting.sweep.initial-delay:1m}")
    void sweep() {
        sweeping.sweepNow();
    }
}
