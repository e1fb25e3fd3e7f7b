package org.opendsr.risk.updates.application;

import java.time.Instant;
import java.time.LocalDate;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.risk.UpdateOverdue;
import org.opendsr.kit.ports.EventOutbox;
import org.opendsr.kit.time.DsrClock;
import org.opendsr.kit.sweep.DueDateSweep;
import org.opendsr.risk.updates.domain.UpdateSchedule;

/**
 * Flags the updates not posted by their due date as overdue and announces each once
 * ({@code dsr.risk.update-overdue.v1}, through the outbox in the same transaction). "Today" is the day in England
 * at {@code now}; an update due today is not yet overdue. A second sweep on the same day, or any later one, finds
 * nothing new for the same missed date.
 */
@Singleton
public class SweepingOverdueUpdates implements DueDateSweep {

    static final String AGGREGATE = "risk";

    private final UpdateSchedules schedules;
    private final EventOutbox outbox;

    public SweepingOverdueUpdates(UpdateSchedules schedules, EventOutbox outbox) {
        this.schedules = schedules;
        this.outbox = outbox;
    }

    @Override
    public String name() {
        return "overdue-updates";
    }

    @Override
    @Transactional
    public int sweep(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, DsrClock.ENGLAND);
        int becameOverdue = 0;
        for (UpdateSchedule schedule : schedules.missedBeforeForUpdate(today)) {
            var overdue = schedule.sweep(today);
            if (overdue.isPresent()) {
                schedules.save(overdue.get().schedule());
                outbox.append(AGGREGATE, schedule.personId(), EventTypes.RISK_UPDATE_OVERDUE_V1,
                        new UpdateOverdue(schedule.personId(), overdue.get().dueOn(), overdue.get().rating()));
                becameOverdue++;
            }
        }
        return becameOverdue;
    }
}
