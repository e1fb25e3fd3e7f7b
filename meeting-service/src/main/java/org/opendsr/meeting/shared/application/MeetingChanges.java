package org.opendsr.meeting.shared.application;

import java.util.List;

import jakarta.inject.Singleton;
import org.opendsr.meeting.shared.domain.MeetingChange;

/**
 * The one way a meeting change is recorded: the meeting saved, its events published, every {@link MeetingFollower}
 * told, in the caller's transaction, so that nothing is half-written.
 */
@Singleton
public class MeetingChanges {

    private final Meetings meetings;
    private final MeetingEvents events;
    private final List<MeetingFollower> followers;

    public MeetingChanges(Meetings meetings, MeetingEvents events, List<MeetingFollower> followers) {
        this.meetings = meetings;
        this.events = events;
        this.followers = followers;
    }

    public void record(MeetingChange change) {
        meetings.save(change.meeting());
        events.publish(change);
        followers.forEach(follower -> follower.meetingChanged(change));
    }
}
