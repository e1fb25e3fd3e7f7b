package org.opendsr.meeting.series.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One meeting of a series as its schedule plans it.
 *
 * @param plannedOn the series' own day for it (every interval weeks from the first meeting): its identity in the
 *                  series, so a meeting moved off a bank holiday is still the same meeting
 * @param on        the day it takes place: the planned day, or the next working day after a bank holiday
 */
public record PlannedMeeting(LocalDate plannedOn, LocalDate on, Instant startsAt, Instant endsAt) {

    /** Whether it was moved off a bank holiday. */
    public boolean moved() {
        return !on.equals(plannedOn);
    }
}
