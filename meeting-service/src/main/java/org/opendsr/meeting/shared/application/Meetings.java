package org.opendsr.meeting.shared.application;

import java.util.Optional;
import java.util.UUID;

import org.opendsr.meeting.shared.domain.Meeting;

/** Every meeting (tracking meetings and Meetings by Exception), in PostgreSQL. */
public interface Meetings {

    Optional<Meeting> find(UUID meetingId);

    /** The meeting, locked for a change until the transaction ends (hold, cancel, reschedule, agenda changes). */
    Optional<Meeting> findForUpdate(UUID meetingId);

    /** Inserts or updates the meeting as it now is. */
    void save(Meeting meeting);
}
