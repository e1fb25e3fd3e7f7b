package org.opendsr.meeting.shared.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;

import org.opendsr.meeting.shared.domain.Meeting;

/** Every meeting (tracking meetings and Meetings by Exception), in PostgreSQL. */
public interface Meetings {

    Optional<Meeting> find(UUID meetingId);

    /** The meeting, locked for a change until the transaction ends (hold, cancel, reschedule, agenda changes). */
    Optional<Meeting> findForUpdate(UUID meetingId);

    /**
     * The meetings of the areas given (every area's when {@code areas} is null: a lead's view) that start in
     * [from, to), earliest first (at most {@code limit}).
     */
    List<Meeting> inAreas(@Nullable Collection<String> areas, Instant from, Instant to, int limit);

    /** A series' meetings starting at or after {@code from}, earliest first, whatever their status. */
    List<Meeting> ofSeries(UUID seriesId, Instant from);

    /**
     * As {@link #ofSeries}, each meeting locked for a change until the transaction ends (locked in meeting-id order,
     * after the series' own lock: the order every change of a series' meetings takes, so none deadlock).
     */
    List<Meeting> ofSeriesForUpdate(UUID seriesId, Instant from);

    /** The series' last meeting before this one that was not cancelled ("since the last meeting"). */
    Optional<Meeting> previousInSeries(UUID seriesId, Instant before);

    /** Inserts or updates the meeting as it now is. */
    void save(Meeting meeting);
}
