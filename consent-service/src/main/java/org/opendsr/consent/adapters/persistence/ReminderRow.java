package org.opendsr.consent.adapters.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code consent_reminder}: one reminder sent. */
@MappedEntity("consent_reminder")
public record ReminderRow(
        @Id UUID id,
        UUID consentId,
        int reminderNumber,
        String subject,
        LocalDate scheduledFor,
        Instant sentAt) {
}
