package org.opendsr.meeting.agenda.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.opendsr.kit.sweep.DueDateSweep;
import org.opendsr.meeting.shared.domain.WorkingHours;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cut-off sweep: assembles the agenda of every scheduled tracking meeting whose cut-off has come and whose agenda
 * was not assembled yet. Run with the other due-date sweeps ({@code DueDateSweepSchedule}, every
 * {@code dsr.meeting.sweep.interval}) and by a lead through {@code POST /meetings/sweeps}.
 * Each meeting is assembled in its own transaction with the meeting row locked and checked again under the lock, so
 * running it twice, or on two replicas at once, assembles each agenda once.
 */
@Singleton
public class AgendaCutOffs implements DueDateSweep {

    private static final Logger LOG = LoggerFactory.getLogger(AgendaCutOffs.class);

    private final AssemblingAgendas assembling;
    private final AssemblingAtCutOff one;
    private final Clock clock;

    AgendaCutOffs(AssemblingAgendas assembling, AssemblingAtCutOff one, Clock clock) {
        this.assembling = assembling;
        this.one = one;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "agenda-cut-offs";
    }

    /** @return how many agendas were assembled */
    public int sweepNow() {
        return sweep(clock.instant());
    }

    /** @return how many agendas were assembled in this pass */
    @Override
    public int sweep(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, WorkingHours.ENGLAND);
        Instant startingBefore = assembling.lastMeetingDayDueBy(today).plusDays(1)
                .atStartOfDay(WorkingHours.ENGLAND).toInstant();
        int assembled = 0;
        for (UUID meetingId : one.awaitingAgenda(startingBefore)) {
            if (one.assembleIfDue(meetingId, now)) {
                assembled++;
            }
        }
        if (assembled > 0) {
            LOG.info("agenda cut-off sweep: {} agendas assembled", assembled);
        }
        return assembled;
    }
}
