package org.opendsr.meeting.series.application;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.opendsr.meeting.series.domain.TrackingMeetingSeries;

/** Every area's tracking-meeting series, in PostgreSQL. */
public interface TrackingSeries {

    Optional<TrackingMeetingSeries> find(UUID seriesId);

    /** The series, locked until the transaction ends: whoever schedules its meetings holds this lock. */
    Optional<TrackingMeetingSeries> findForUpdate(UUID seriesId);

    /** The series of these areas (every area when null), by area. */
    List<TrackingMeetingSeries> inAreas(Collection<String> areas);

    /** The ids of the series still running (the sweep keeps their meetings scheduled). */
    List<UUID> activeIds();

    /** Inserts or updates; refused (409 series-exists) when the area already has an active series. */
    void save(TrackingMeetingSeries series);
}
