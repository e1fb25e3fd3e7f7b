package org.opendsr.meeting.series.application;

import java.util.Optional;
import java.util.UUID;

/**
 * The one line a DSR team member may add to a cancellation; it stays in meeting-service (the topic carries the
 * reason code only).
 */
public interface CancellationNotes {

    void add(UUID meetingId, String note, String recordedBy);

    Optional<String> of(UUID meetingId);
}
