package org.opendsr.consent.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.opendsr.contracts.consent.ReminderSubject;

/** A renewal reminder that was sent. */
public record SentReminder(UUID consentId, int reminderNumber, ReminderSubject subject, LocalDate scheduledFor,
                           Instant sentAt) {
}
