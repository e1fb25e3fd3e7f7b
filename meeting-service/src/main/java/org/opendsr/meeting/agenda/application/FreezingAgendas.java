package org.opendsr.meeting.agenda.application;

import java.time.Clock;
import java.time.Instant;

import jakarta.inject.Singleton;
import org.opendsr.contracts.meeting.MeetingKind;
import org.opendsr.meeting.agenda.domain.AgendaStatus;
import org.opendsr.meeting.agenda.domain.TrackingMeetingAgenda;
import org.opendsr.meeting.shared.application.MeetingFollower;
import org.opendsr.meeting.shared.domain.Meeting;
import org.opendsr.meeting.shared.domain.MeetingChange;

/**
 * When a tracking meeting is held its agenda is frozen as it was, in the transaction that records the meeting as held
 * (the meeting row is locked by it). A meeting held without an agenda (held before its cut-off came round, or the
 * sweep had not run) has it assembled now, then frozen: what the meeting had before it is kept.
 */
@Singleton
public class FreezingAgendas implements MeetingFollower {

    private final Agendas agendas;
    private final AssemblingAgendas assembling;
    private final Clock clock;

    FreezingAgendas(Agendas agendas, AssemblingAgendas assembling, Clock clock) {
        this.agendas = agendas;
        this.assembling = assembling;
        this.clock = clock;
    }

    @Override
    public void meetingChanged(MeetingChange change) {
        Meeting meeting = change.meeting();
        if (!(change instanceof MeetingChange.Held) || meeting.kind() != MeetingKind.TRACKING) {
            return;
        }
        TrackingMeetingAgenda agenda = agendas.find(meeting.id())
                .orElseGet(() -> TrackingMeetingAgenda.notYetAssembled(meeting.id()));
        if (agenda.status() == AgendaStatus.FROZEN) {
            return;
        }
        Instant now = clock.instant();
        if (agenda.status() == AgendaStatus.NOT_YET_ASSEMBLED) {
            agenda.assemble(assembling.itemsFor(meeting, now), now);
        }
        agenda.freeze(meeting.heldAt() != null ? meeting.heldAt() : now);
        agendas.save(agenda);
    }
}
