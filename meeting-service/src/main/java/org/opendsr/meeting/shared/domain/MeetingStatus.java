package org.opendsr.meeting.shared.domain;

/** Where a meeting is: scheduled (its agenda may still change), held (frozen as it was) or cancelled. */
public enum MeetingStatus {
    SCHEDULED, HELD, CANCELLED
}
