package org.opendsr.meeting.agenda.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The time an agenda looks at.
 *
 * @param since          "since the last meeting": from when the last meeting's agenda was last assembled (so that
 *                       nothing between that agenda and this one is missed), or for a series' first meeting a
 *                       configured number of days back
 * @param today          the day it is assembled (what is overdue is overdue on this day)
 * @param meetingDay     the day of the meeting
 * @param nextMeetingDay the day of the series' following meeting (or the usual interval after this one): what falls
 *                       due before then must be talked about now, there is no meeting in between
 */
public record AgendaWindow(Instant since, LocalDate today, LocalDate meetingDay, LocalDate nextMeetingDay) {

    public AgendaWindow {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(meetingDay, "meetingDay");
        Objects.requireNonNull(nextMeetingDay, "nextMeetingDay");
        if (nextMeetingDay.isBefore(meetingDay)) {
            throw new IllegalArgumentException("the next meeting comes after this one");
        }
    }

    /** Due on or before the next meeting (overdue ones included). */
    boolean dueBeforeNextMeeting(LocalDate dueOn) {
        return !dueOn.isAfter(nextMeetingDay);
    }

    boolean isSince(Instant at) {
        return at != null && !at.isBefore(since);
    }
}
