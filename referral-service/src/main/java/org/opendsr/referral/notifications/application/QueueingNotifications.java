package org.opendsr.referral.notifications.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.consent.ConsentReminderDue;
import org.opendsr.contracts.meeting.FeedbackDue;
import org.opendsr.contracts.referral.ReferralRoute;
import org.opendsr.referral.lifecycle.domain.Referral;
import org.opendsr.referral.lifecycle.domain.Referrals;
import org.opendsr.referral.register.domain.RegisterEntries;
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
    private final RegisterEntries register;
    private final Referrals referrals;
    private final Clock clock;

    public QueueingNotifications(PeopleToNotify people, NotificationQueue queue, RecordAccess access,
                                 RegisterEntries register, Referrals referrals, Clock clock) {
        this.register = register;
        this.referrals = referrals;
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

    /**
     * A message about a referral to whoever hears about it ({@link NotificationPolicy#whoHearsTheReferral}): the
     * professional or agency referrer, or for a self or family referral the person or the parent or carer who made
     * it. {@code sourceId} makes it once only: a second call with it queues nothing more.
     */
    @Transactional
    public QueuedMessage queueAboutReferral(String sourceId, MessageKind message, Referral referral,
                                            Map<String, String> facts) {
        Instant now = Now.of(clock);
        PersonToNotify person = people.of(referral.personId(), LocalDate.now(clock))
                .orElseThrow(RuleBroken::unknownPerson);
        access.audit(referral.personId(), Notifier.ACTOR, AuditAction.READ, "who to tell: " + message.templateName(),
                AccessPurpose.NOTIFICATION, now);
        RecipientRole recipient = NotificationPolicy.whoHearsTheReferral(
                referral.route() == ReferralRoute.SELF_OR_FAMILY, person);
        NotificationQueue.Queued queued = new NotificationQueue.Queued(UUID.randomUUID(), sourceId, message,
                referral.personId(), recipient, facts, now);
        return new QueuedMessage(queued.id(), recipient, queueOne(queued, person).orElse(null));
    }

    /** A message queued (or withheld by rule, with the rule's code), and to whom. */
    public record QueuedMessage(UUID notificationId, RecipientRole recipient, String withheldFor) {
    }

    /**
     * meeting-service says a meeting discussed the person and feedback is owed by {@code dueOn}: the referrer of their
     * open register entry's referral hears that the outcome is available from the DSR team (no meeting content: it
     * stays in meeting-service). Nobody on the register (the entry closed since): nobody to tell.
     */
    @Transactional
    public void meetingFeedbackDue(String eventId, FeedbackDue feedback) {
        Optional<Referral> referral = register.openEntryOf(feedback.personId())
                .flatMap(entry -> referrals.byId(entry.referralId()));
        if (referral.isEmpty()) {
            return;
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("referralId", referral.get().id().toString());
        facts.put("meetingId", feedback.meetingId().toString());
        facts.put("feedbackDueOn", feedback.dueOn().toString());
        queueAboutReferral(eventId, MessageKind.MEETING_FEEDBACK_DUE, referral.get(), facts);
    }

    private Optional<String> queueOne(NotificationQueue.Queued queued, PersonToNotify person) {
        Optional<String> refused = NotificationPolicy.refusal(queued.message(), queued.recipient(), person);
        refused.ifPresentOrElse(reason -> queue.withhold(queued, reason), () -> queue.queue(queued));
        return refused;
    }

    /** Queues the message for everyone the policy says is told, withholding it from those nobody may message. */
    void queueFor(String eventId, MessageKind message, UUID personId, Map<String, String> facts) {
        Instant now = Now.of(clock);
        PersonToNotify person = people.of(personId, LocalDate.now(clock)).orElseThrow(RuleBroken::unknownPerson);
        access.audit(personId, Notifier.ACTOR, AuditAction.READ, "who to tell: " + message.templateName(),
                AccessPurpose.NOTIFICATION, now);
        for (RecipientRole recipient : NotificationPolicy.whoIsTold(message, person)) {
            queueOne(new NotificationQueue.Queued(UUID.randomUUID(), eventId, message, personId, recipient, facts,
                    now), person);
        }
    }
}
