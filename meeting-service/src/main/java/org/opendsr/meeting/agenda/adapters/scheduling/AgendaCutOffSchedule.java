package org.opendsr.meeting.agenda.adapters.scheduling;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.opendsr.meeting.agenda.application.AgendaCutOffs;

/**
 * Assembles the agendas whose cut-off has come, every few minutes (the cut-off is a day, so a few minutes late is
 * harmless). Two replicas may run it at once: each agenda is assembled under its meeting's row lock, once.
 */
@Singleton
@Requires(property = "dsr.meeting.agenda.schedule-enabled", notEquals = "false")
class AgendaCutOffSchedule {

    private final AgendaCutOffs cutOffs;

    AgendaCutOffSchedule(AgendaCutOffs cutOffs) {
        this.cutOffs = cutOffs;
    }

    @Scheduled(fixedDelay = "${dsr.meeting.agenda.sweep-interval:15m}",
            initialDelay = "${dsr.meeting.agenda.sweep-initial-delay:1m}")
    void assembleDueAgendas() {
        cutOffs.sweepNow();
    }
}
