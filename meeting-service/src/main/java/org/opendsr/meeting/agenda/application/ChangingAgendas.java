package org.opendsr.meeting.agenda.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.rules.OneLineText;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.meeting.agenda.domain.AgendaStatus;
import org.opendsr.meeting.agenda.domain.TrackingMeetingAgenda;
import org.opendsr.meeting.shared.application.MeetingAccess;
import org.opendsr.meeting.shared.application.RegisterPeople;
import org.opendsr.meeting.shared.domain.Meeting;
import org.opendsr.meeting.shared.domain.MeetingStatus;

/**
 * What the DSR team of the area (or a lead) does to an agenda before the meeting: assemble it again from the register
 * as it stands now (what was added by hand stays), and add a person by hand with a one-line reason. Both lock the
 * meeting, so they never cross the cut-off sweep or the meeting being held; once held, the agenda is frozen (409).
 */
@Singleton
public class ChangingAgendas {

    /** A hand-added reason is one line: what the concern is, never who. */
    static final int REASON_MAX_LENGTH = 200;

    private final MeetingAgendas meetings;
    private final Agendas agendas;
    private final AssemblingAgendas assembling;
    private final RegisterPeople people;
    private final MeetingAccess access;
    private final Clock clock;

    ChangingAgendas(MeetingAgendas meetings, Agendas agendas, AssemblingAgendas assembling, RegisterPeople people,
                    MeetingAccess access, Clock clock) {
        this.meetings = meetings;
        this.agendas = agendas;
        this.assembling = assembling;
        this.people = people;
        this.access = access;
        this.clock = clock;
    }

    /** Assembles the agenda again now (also before the cut-off: then the cut-off leaves it as it is). */
    @Transactional
    public AgendaRead regenerate(UUID meetingId, Caller caller) {
        Meeting meeting = meetings.trackingMeeting(meetingId, caller, true);
        TrackingMeetingAgenda agenda = changeable(meeting);
        Instant now = clock.instant();
        agenda.assemble(assembling.itemsFor(meeting, now), now);
        agendas.save(agenda);
        access.auditedAction(caller, "REGENERATED", MeetingAgendas.whatOf(meetingId));
        return readOf(meeting, agenda);
    }

    /** Puts a person known in the meeting's area on its agenda, with the team's reason. */
    @Transactional
    public AgendaRead addByHand(UUID meetingId, @Nullable UUID personId, @Nullable String reason,
                                           Caller caller) {
        if (personId == null) {
            throw RuleBroken.invalid("personId", "is required");
        }
        OneLineText.problemWith(reason, REASON_MAX_LENGTH, "the concern or the service").ifPresent(problem -> {
            throw RuleBroken.invalid("reason", problem);
        });
        Meeting meeting = meetings.trackingMeeting(meetingId, caller, true);
        TrackingMeetingAgenda agenda = changeable(meeting);
        boolean knownHere = people.find(personId).filter(person -> meeting.area().equals(person.area())).isPresent();
        if (!knownHere) {
            throw new RuleBroken(RuleBroken.Kind.NOT_FOUND, "unknown-person", "No such person", "personId",
                    "no person with this personId is known in the meeting's area");
        }
        agenda.addByHand(personId, reason.strip(), caller.userId(), clock.instant());
        agendas.save(agenda);
        access.audited(caller, personId, "ADDED", MeetingAgendas.whatOf(meetingId), null,
                Map.of("meetingId", meetingId, "reason", "ADDED_BY_HAND"));
        return readOf(meeting, agenda);
    }

    private AgendaRead readOf(Meeting meeting, TrackingMeetingAgenda agenda) {
        if (agenda.status() == AgendaStatus.NOT_YET_ASSEMBLED) {
            // Added by hand before the cut-off: answer the preview, as a read would.
            return new AgendaRead(meeting.id(), agenda.status(), true, clock.instant(), null,
                    assembling.cutOffDayOf(meeting), TrackingMeetingAgenda.together(
                            assembling.itemsFor(meeting, clock.instant()), agenda.byHand()));
        }
        return new AgendaRead(meeting.id(), agenda.status(), false, agenda.assembledAt(), agenda.frozenAt(),
                assembling.cutOffDayOf(meeting), agenda.items());
    }

    private TrackingMeetingAgenda changeable(Meeting meeting) {
        TrackingMeetingAgenda agenda = agendas.find(meeting.id())
                .orElseGet(() -> TrackingMeetingAgenda.notYetAssembled(meeting.id()));
        if (meeting.status() == MeetingStatus.CANCELLED) {
            throw RuleBroken.conflict("meeting-cancelled", "The meeting is cancelled",
                    "the agenda of a cancelled meeting cannot be changed");
        }
        if (meeting.status() == MeetingStatus.HELD && agenda.status() != AgendaStatus.FROZEN) {
            // Held before agendas were kept: nothing to change either.
            throw RuleBroken.conflict("agenda-frozen", "The agenda is frozen",
                    "the meeting was held and its agenda is kept as it was");
        }
        return agenda;
    }
}
