package org.opendsr.meeting.shared.application;

import jakarta.inject.Singleton;
import org.opendsr.contracts.meeting.MeetingKind;
import org.opendsr.meeting.shared.domain.Meeting;
import org.opendsr.meeting.shared.domain.MeetingStatus;

/**
 * The one invitation of a Meeting by Exception, whichever endpoint serves it ({@code /meetings/{id}/invitation.ics}
 * or {@code /meetings/exceptions/{id}/invitation.ics}): the same UID, summary, description, times, venue (its online
 * link, else the place given on its request) and sequence, so an attendee's calendar never holds two versions. Names
 * nobody: it leaves the DSR.
 */
@Singleton
public class ExceptionInvitations {

    static final String SUMMARY = "Meeting by Exception";
    static final String DESCRIPTION = "A Dynamic Support Register Meeting by Exception about a person on the "
            + "register, chaired by a DSR lead; the person and their family are invited. Details are in the DSR, not "
            + "in this invitation.";

    private final ExceptionVenues venues;

    public ExceptionInvitations(ExceptionVenues venues) {
        this.venues = venues;
    }

    public Invitation of(Meeting meeting) {
        if (meeting.kind() != MeetingKind.EXCEPTION) {
            throw new IllegalArgumentException("not a Meeting by Exception: " + meeting.id());
        }
        String venue = meeting.onlineLink() != null ? meeting.onlineLink()
                : venues.locationOf(meeting.id()).orElse(null);
        return new Invitation(meeting.id() + "@dsr.opendsr.org", SUMMARY, DESCRIPTION, meeting.startsAt(),
                meeting.endsAt(), venue, meeting.sequence(), meeting.status() == MeetingStatus.CANCELLED);
    }
}
