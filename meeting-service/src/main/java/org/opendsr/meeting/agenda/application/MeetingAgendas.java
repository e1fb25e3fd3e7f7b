package org.opendsr.meeting.agenda.application;

import java.util.UUID;

import jakarta.inject.Singleton;
import org.opendsr.contracts.meeting.MeetingKind;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.meeting.shared.application.MeetingAccess;
import org.opendsr.meeting.shared.application.Meetings;
import org.opendsr.meeting.shared.domain.Meeting;

/**
 * The tracking meeting an agenda request is about, for the DSR team of its area or a lead. A Meeting by Exception has
 * no agenda (it is about one person, who is its whole business): 404 for its agenda, as for a meeting that does not
 * exist.
 */
@Singleton
class MeetingAgendas {

    private final Meetings meetings;
    private final MeetingAccess access;

    MeetingAgendas(Meetings meetings, MeetingAccess access) {
        this.meetings = meetings;
        this.access = access;
    }

    Meeting trackingMeeting(UUID meetingId, Caller caller, boolean forUpdate) {
        Meeting meeting = (forUpdate ? meetings.findForUpdate(meetingId) : meetings.find(meetingId))
                .orElseThrow(() -> RuleBroken.notFound("Meeting"));
        access.requireAreaTeam(meeting.area(), caller, whatOf(meetingId));
        if (meeting.kind() != MeetingKind.TRACKING) {
            throw RuleBroken.notFound("Agenda");
        }
        return meeting;
    }

    static String whatOf(UUID meetingId) {
        return "agenda of meeting " + meetingId;
    }
}
