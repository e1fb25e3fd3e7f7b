package org.opendsr.meeting.series.application;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.opendsr.contracts.meeting.MeetingKind;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.meeting.shared.application.MeetingAccess;
import org.opendsr.meeting.shared.application.Meetings;
import org.opendsr.meeting.shared.domain.Meeting;

/**
 * Who may read or change one meeting, and the audit of it. A tracking meeting is the DSR team of its area's and the
 * leads' (anyone else: 404, as for a meeting that does not exist). A Meeting by Exception is about one person: their
 * care team may read it, the DSR team of their area or a lead record it (attendees, held), a lead alone move or cancel
 * it.
 */
@Singleton
class MeetingDecisions {

    private final Meetings meetings;
    private final TrackingSeries series;
    private final MeetingAccess access;

    MeetingDecisions(Meetings meetings, TrackingSeries series, MeetingAccess access) {
        this.meetings = meetings;
        this.series = series;
        this.access = access;
    }

    Meeting readable(UUID meetingId, Caller caller, String what) {
        Meeting meeting = meetings.find(meetingId).orElseThrow(MeetingDecisions::notFound);
        if (meeting.kind() == MeetingKind.EXCEPTION) {
            access.read(meeting.personId(), caller, what + " of a meeting by exception " + meetingId);
        } else {
            access.requireAreaTeam(meeting.area(), caller, what + " of meeting " + meetingId);
            access.listRead(caller, what + " of meeting " + meetingId);
        }
        return meeting;
    }

    /**
     * The meeting, locked for the change, once the caller may make it. A tracking meeting's series is locked first
     * (the order its scheduling takes: series, then meetings), so a series change and this change never interleave.
     */
    Meeting changeable(UUID meetingId, Caller caller, String what) {
        Meeting meeting = meetings.find(meetingId).orElseThrow(MeetingDecisions::notFound);
        if (meeting.kind() == MeetingKind.EXCEPTION) {
            try {
                access.requireDsrTeam(meeting.personId(), caller, what + " of a meeting by exception");
            } catch (RuleBroken refused) {
                throw refused.kind() == RuleBroken.Kind.NOT_FOUND ? notFound() : refused;
            }
        } else {
            access.requireAreaTeam(meeting.area(), caller, what + " of meeting " + meetingId);
            if (meeting.seriesId() != null) {
                series.findForUpdate(meeting.seriesId());
            }
        }
        return meetings.findForUpdate(meetingId).orElseThrow(MeetingDecisions::notFound);
    }

    /**
     * As {@link #changeable}, for moving or cancelling: a Meeting by Exception is chaired by a DSR lead, who alone
     * moves or cancels it (the area's DSR team gets 403, audited); a tracking meeting is its area team's.
     */
    Meeting movable(UUID meetingId, Caller caller, String what) {
        Meeting meeting = changeable(meetingId, caller, what);
        if (meeting.kind() == MeetingKind.EXCEPTION) {
            access.requireLead(meeting.personId(), caller, what + " of a meeting by exception " + meetingId);
        }
        return meeting;
    }

    /** The change in the audit trail: against the person for a Meeting by Exception, else as an action. */
    void audited(Meeting meeting, Caller caller, String action, String what, Map<String, ?> before,
                 Map<String, ?> after) {
        if (meeting.kind() == MeetingKind.EXCEPTION) {
            access.audited(caller, meeting.personId(), action, what + " of a meeting by exception " + meeting.id(),
                    before, after);
        } else {
            access.auditedAction(caller, action, what + " of meeting " + meeting.id());
        }
    }

    static RuleBroken notFound() {
        return RuleBroken.notFound("Meeting");
    }
}
