package org.opendsr.meeting.series.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which meeting holds which of a series' planned days: one meeting per (series, planned day), guarded by the table's
 * key, so two replicas scheduling the same series at once make one meeting, never two.
 */
public interface PlannedDays {

    /**
     * @param plannedOn   the series' own day for the meeting (before any move off a bank holiday)
     * @param movedByHand the meeting was moved on its own (PUT /meetings/{id}/time): the sweep leaves its time alone
     */
    record PlannedDay(UUID seriesId, LocalDate plannedOn, UUID meetingId, boolean movedByHand) {
    }

    /** The series' planned days from {@code from} on. */
    List<PlannedDay> ofSeriesFrom(UUID seriesId, LocalDate from);

    Optional<PlannedDay> ofMeeting(UUID meetingId);

    /** Takes the day for this meeting; false when another meeting already holds it (nothing written). */
    boolean claim(UUID seriesId, LocalDate plannedOn, UUID meetingId);

    /** The day is free again (its meeting was cancelled because the series no longer meets then). */
    void release(UUID meetingId);

    void markMovedByHand(UUID meetingId, boolean movedByHand);
}
