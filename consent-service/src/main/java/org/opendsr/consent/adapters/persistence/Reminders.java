package org.opendsr.consent.adapters.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.opendsr.consent.domain.ConsentChange;

/** The renewal reminders sent, one per scheduled day of a consent (the table refuses a second). */
@Singleton
public class Reminders {

    private final ReminderRows rows;

    public Reminders(ReminderRows rows) {
        this.rows = rows;
    }

    public void sent(ConsentChange.ReminderDue reminder, Instant at) {
        rows.save(new ReminderRow(UUID.randomUUID(), reminder.consentId(), reminder.reminderNumber(),
                reminder.subject().name(), reminder.scheduledFor(), at));
    }

    public List<ReminderRow> of(Collection<UUID> consentIds) {
        return consentIds.isEmpty() ? List.of() : rows.findByConsentIdInOrderByReminderNumber(consentIds);
    }
}
