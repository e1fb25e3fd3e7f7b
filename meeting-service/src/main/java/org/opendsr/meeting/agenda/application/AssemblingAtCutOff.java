package org.opendsr.meeting.agenda.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.meeting.MeetingKind;
import org.opendsr.meeting.agenda.domain.AgendaStatus;
import org.opendsr.meeting.agenda.domain.TrackingMeetingAgenda;
import org.opendsr.meeting.shared.application.Meetings;
import org.opendsr.meeting.shared.domain.Meeting;
import org.opendsr.meeting.shared.domain.MeetingStatus;

/**
 * One meeting's agenda at its cut-off, in its own transaction: the meeting row is locked, and everything is checked
 * again under the lock (still a scheduled tracking meeting, cut-off passed, agenda not assembled), so a second sweep
 * or a replica sweeping beside this one finds nothing left to do.
 */
@Singleton
public class AssemblingAtCutOff {

    private final Meetings meetings;
    private final Agendas agendas;
    private final AssemblingAgendas assembling;

    private final SeriesNeighbours neighbours;

    AssemblingAtCutOff(Meetings meetings, Agendas agendas, AssemblingAgendas assembling,
                       SeriesNeighbours neighbours) {
        this.meetings = meetings;
        this.agendas = agendas;
        this.assembling = assembling;
        this.neighbours = neighbours;
    }

    /** The meetings to look at (each is checked again, locked, by {@link #assembleIfDue}). */
    @Transactional(readOnly = true)
    public List<UUID> awaitingAgenda(Instant startingBefore) {
        return neighbours.awaitingAgenda(startingBefore);
    }

    /** @return whether it assembled the agenda now */
    @Transactional
    public boolean assembleIfDue(UUID meetingId, Instant now) {
        Meeting meeting = meetings.findForUpdate(meetingId).orElse(null);
        if (meeting == null || meeting.kind() != MeetingKind.TRACKING || meeting.status() != MeetingStatus.SCHEDULED
                || !assembling.cutOffHasPassed(meeting, now)) {
            return false;
        }
        TrackingMeetingAgenda agenda = agendas.find(meetingId)
                .orElseGet(() -> TrackingMeetingAgenda.notYetAssembled(meetingId));
        if (agenda.status() != AgendaStatus.NOT_YET_ASSEMBLED) {
            return false;
        }
        agenda.assemble(assembling.itemsFor(meeting, now), now);
        agendas.save(agenda);
        return true;
    }
}
