package org.opendsr.consent.domain;

import java.time.LocalDate;
import java.util.Objects;

import org.opendsr.contracts.consent.ReminderSubject;

/** A reminder the renewal schedule calls for on a day. */
public record ScheduledReminder(LocalDate on, ReminderSubject subject) {

    public ScheduledReminder {
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(subject, "subject");
    }
}
