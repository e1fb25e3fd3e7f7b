package org.opendsr.meeting.agenda.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.meeting.agenda.domain.AgendaStatus;
import org.opendsr.meeting.agenda.domain.HandAddedItem;
import org.opendsr.meeting.agenda.domain.TrackingMeetingAgenda;
import org.opendsr.meeting.shared.application.MeetingAccess;
import org.opendsr.meeting.shared.domain.Meeting;
import org.opendsr.meeting.shared.domain.MeetingStatus;

/**
 * Reads a tracking meeting's agenda (DSR team of the area, leads; audited as a list read: an agenda is about many
 * people). Before the cut-off it answers a preview, worked out as the register stands now and marked so, with what
 * was added by hand: the team can see who is coming up without anything being stored early.
 */
@Singleton
public class ReadingAgendas {

    private final MeetingAgendas meetings;
    private final Agendas agendas;
    private final AssemblingAgendas assembling;
    private final MeetingAccess access;
    private final Clock clock;

    ReadingAgendas(MeetingAgendas meetings, Agendas agendas, AssemblingAgendas assembling, MeetingAccess access,
                   Clock clock) {
        this.meetings = meetings;
        this.agendas = agendas;
        this.assembling = assembling;
        this.access = access;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public AgendaRead read(UUID meetingId, Caller caller) {
        Meeting meeting = meetings.trackingMeeting(meetingId, caller, false);
        Optional<TrackingMeetingAgenda> stored = agendas.find(meetingId);
        access.listRead(caller, MeetingAgendas.whatOf(meetingId));
        if (stored.isPresent() && stored.get().status() != AgendaStatus.NOT_YET_ASSEMBLED) {
            TrackingMeetingAgenda agenda = stored.get();
            return new AgendaRead(meetingId, agenda.status(), false, agenda.assembledAt(), agenda.frozenAt(),
                    assembling.cutOffDayOf(meeting), agenda.items());
        }
        if (meeting.status() != MeetingStatus.SCHEDULED) {
            // Cancelled before its cut-off: it never had an agenda.
            throw RuleBroken.notFound("Agenda");
        }
        Instant now = clock.instant();
        List<HandAddedItem> byHand = stored.map(TrackingMeetingAgenda::byHand).orElse(List.of());
        return new AgendaRead(meetingId, AgendaStatus.NOT_YET_ASSEMBLED, true, now, null,
                assembling.cutOffDayOf(meeting),
                TrackingMeetingAgenda.together(assembling.itemsFor(meeting, now), byHand));
    }
}
