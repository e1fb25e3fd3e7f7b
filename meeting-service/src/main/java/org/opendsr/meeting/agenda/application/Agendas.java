package org.opendsr.meeting.agenda.application;

import java.util.Optional;
import java.util.UUID;

import org.opendsr.meeting.agenda.domain.TrackingMeetingAgenda;

/**
 * Tracking meetings' agendas, in PostgreSQL (V4__agendas.sql). Callers lock the meeting first
 * ({@code Meetings.findForUpdate}), so that two replicas never assemble or change one agenda at once.
 */
public interface Agendas {

    Optional<TrackingMeetingAgenda> find(UUID meetingId);

    /** Inserts or updates it as it now is; a frozen agenda's items are never written again. */
    void save(TrackingMeetingAgenda agenda);
}
