package org.opendsr.meeting.shared.application;

import org.opendsr.meeting.shared.domain.MeetingChange;

/**
 * What a feature does when a meeting changes, in the same transaction (the agenda freezes when its meeting is held;
 * bookings and outcomes may react too). Every follower bean is called by whoever saves a meeting change, through
 * {@link MeetingChanges}.
 */
public interface MeetingFollower {

    void meetingChanged(MeetingChange change);
}
