package org.opendsr.meeting.agenda.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A person the DSR team put on the agenda themselves, with their one-line reason: kept through every regeneration
 * (the register cannot know why the team wants to talk about someone).
 *
 * @param addedBy the user id of who added it (for the audit and the chair, never shown with a name here)
 */
public record HandAddedItem(UUID personId, String reason, String addedBy, Instant addedAt) {

    public HandAddedItem {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(addedBy, "addedBy");
        Objects.requireNonNull(addedAt, "addedAt");
    }

    ItemReason asReason() {
        return new ItemReason(AgendaReason.ADDED_BY_HAND, "Added by the DSR team: " + reason);
    }
}
