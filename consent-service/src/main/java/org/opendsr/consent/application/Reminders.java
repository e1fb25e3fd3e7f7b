package org.opendsr.consent.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.opendsr.consent.domain.ConsentChange;

/** The renewal reminders sent, one per scheduled day of a consent (a port). */
public interface Reminders {

    void sent(ConsentChange.ReminderDue reminder, Instant at);

    /** The reminders sent for these consents, in reminder order. */
    List<SentReminder> of(Collection<UUID> consentIds);
}
