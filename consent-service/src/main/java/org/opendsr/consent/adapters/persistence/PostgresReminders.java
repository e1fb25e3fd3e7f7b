package org.opendsr.consent.adapters.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.opendsr.consent.domain.ConsentChange;
import org.opendsr.consent.application.Reminders;
import org.opendsr.consent.application.SentReminder;
import org.opendsr.contracts.consent.ReminderSubject;

/** The renewal reminders sent, one per scheduled day of a consent (the table refuses a second). */
@Singleton
public class PostgresReminders implements Reminders {

    private final ReminderRows rows;

    public PostgresReminders(ReminderRows rows) {
        this.rows = rows;
    }

    @Override
    public void sent(ConsentChange.ReminderDue reminder, Instant at) {
        rows.save(new ReminderRow(UUID.randomUUID(), reminder.consentId(), reminder.reminderNumber(),
                reminder.subject().name(), reminder.scheduledFor(), at));
    }

    @Override
    public List<SentReminder> of(Collection<UUID> consentIds) {
        return consentIds.isEmpty() ? List.of() : rows.findByConsentIdInOrderByReminderNumber(consentIds).stream()
                .map(PostgresReminders::toSent)
                .toList();
    }

    private static SentReminder toSent(ReminderRow row) {
        return new SentReminder(row.consentId(), row.reminderNumber(), ReminderSubject.valueOf(row.subject()),
                row.scheduledFor(), row.sentAt());
    }
}
