package org.opendsr.meeting.shared.application;

import org.opendsr.meeting.shared.domain.MeetingChange;

/**
 * Publishes what happened to a meeting (scheduled, held, cancelled; for an exception also the request to invite the
 * person and family) through the kit's outbox, in the caller's transaction.
 */
public interface MeetingEvents {

    void publish(MeetingChange change);
}
