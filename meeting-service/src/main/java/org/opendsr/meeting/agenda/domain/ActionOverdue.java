package org.opendsr.meeting.agenda.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** An action agreed at an earlier meeting about a person, not done by its due date. */
public record ActionOverdue(UUID personId, LocalDate dueOn) {

    public ActionOverdue {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(dueOn, "dueOn");
    }
}
