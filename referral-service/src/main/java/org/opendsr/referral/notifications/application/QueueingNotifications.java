package org.opendsr.referral.notifications.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.consent.ConsentReminderDue;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.referral.access.application.RecordAccess;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.audit.application.AuditAction;
import org.opendsr.referral.notifications.domain.MessageKind;
import org.opendsr.referral.notifications.domain.NotificationPolicy;
import org.opendsr.referral.notifications.domain.PersonToNotify;
import org.opendsr.referral.notifications.domain.RecipientRole;
import org.opendsr.referral.shared.application.Now;

/**
 * Turns an event into messages on the queue, one per recipient, in the event's transaction (the kit's inbox records
 * the event id beside them): who is told is decided from the record now; how, and the contact details, at send time.
 * A recipient nobody may message is recorded WITHHELD with the rule, never sent.
 */
@Singleton
public class QueueingNotifications {

    private final PeopleToNotify people;
    private final NotificationQueue queue;
    private final RecordAccess access;
    private final Clock clock;

    public QueueingNotifications(PeopleToNotify people, NotificationQueue queue, RecordAccess access, Clock clock) {
        this.people = people;
        this.queue = queue;
        this.access = access;
        this.clock = clock;
    }

    /** consent-service says it is time to remind about renewal (weekly while due soon and through the grace period). */
    @Transactional
    public void consentReminderDue(String eventId, ConsentReminderDue reminder) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("subject", reminder.subject().name());
        facts.put("renewalDueOn", reminder.renewalDueOn().toString());
        if (reminder.graceEndsOn() != null) {
            facts.put("graceEndsOn", reminder.graceEndsOn().toString());
        }
        facts.put("reminderNumber", Integer.toString(reminder.reminderNumber()));
        queueFor(eventId, MessageKind.CONSENT_REMINDER, reminder.personId(), facts);
    }

    /** Queues the message for everyone the policy says is told, withholding it from those nobody may message. */
    void queueFor(String eventId, MessageKind message, UUID personId, Map<String, String> facts) {
        Instant now = Now.of(clock);
        PersonToNotify person = people.of(personId, LocalDate.now(clock)).orElseThrow(RuleBroken::unknownPerson);
        access.audit(personId, Notifier.ACTOR, AuditAction.READ, "who to tell: " + message.templateName(),
                AccessPurpose.NOTIFICATION, now);
        for (RecipientRole recipient : NotificationPolicy.whoIsTold(message, person)) {
            NotificationQueue.Queued queued = new NotificationQueue.Queued(UUID.randomUUID(), eventId, message,
                    personId, recipient, facts, now);
            NotificationPolicy.refusal(message, recipient, person).ifPresentOrElse(
                    reason -> queue.withhold(queued, reason),
                    () -> queue.queue(queued));
        }
    }
}
