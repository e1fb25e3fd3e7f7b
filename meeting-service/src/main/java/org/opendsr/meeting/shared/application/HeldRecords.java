package org.opendsr.meeting.shared.application;

import java.util.UUID;

/** Everything meeting-service holds under a personId, as a whole (a port: the persistence adapter implements it). */
public interface HeldRecords {

    /**
     * Deletes everything about the person: their Meetings by Exception (with attendees, notes and requests), their
     * items on tracking meeting agendas (the meetings stay for the others), their outcomes with actions and
     * recommendations, their review bookings, and the register and obligation projections. Returns how many rows went.
     */
    long eraseAllOf(UUID personId);

    /**
     * Re-keys everything of {@code from} to {@code into}: a tracking agenda holding both keeps the survivor's item;
     * an outcome of a meeting that already has one about the survivor stays under {@code from}, to be reconciled by
     * the DSR team (the two were discussed separately). Returns how many such outcomes stayed.
     */
    int moveAll(UUID from, UUID into);
}
