package org.opendsr.referral.notifications.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.referral.access.application.RecordAccess;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.audit.application.AuditAction;
import org.opendsr.referral.notifications.domain.Addressing;
import org.opendsr.referral.notifications.domain.NotificationPolicy;
import org.opendsr.referral.notifications.domain.PersonToNotify;
import org.opendsr.referral.notifications.domain.RecipientRole;
import org.opendsr.referral.notifications.domain.Referrer;
import org.opendsr.referral.shared.application.Now;

/**
 * The short transactions around one attempt to send: claiming due messages, resolving one to an addressee (the read
 * of contact details audited, as any read of personal data), and recording what became of it. The send itself happens
 * between them, outside any transaction, so no row lock is held while the provider answers.
 */
@Singleton
public class NotificationAttempts {

    /** A claimed message resolved: ready to send, or settled here and then (withheld, or nobody to send it to). */
    public sealed interface Resolved {
        record Ready(OutgoingMessage message, String channel) implements Resolved {
        }

        record Settled() implements Resolved {
        }
    }

    private final NotificationQueue queue;
    private final DeliveryChecks deliveryChecks;
    private final PeopleToNotify people;
    private final RecordAccess access;
    private final NotificationSettings settings;
    private final ReferrersOnRecord referrers;
    private final SignpostingSettings signposting;
    private final Clock clock;

    public NotificationAttempts(NotificationQueue queue, DeliveryChecks deliveryChecks, PeopleToNotify people,
                                RecordAccess access, NotificationSettings settings, ReferrersOnRecord referrers,
                                SignpostingSettings signposting, Clock clock) {
        this.referrers = referrers;
        this.signposting = signposting;
        this.queue = queue;
        this.deliveryChecks = deliveryChecks;
        this.people = people;
        this.access = access;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    public List<NotificationQueue.Due> claim() {
        Instant now = Now.of(clock);
        return queue.claimDue(now, settings.getBatchSize(), now.plus(settings.getClaimFor()));
    }

    /** Reads the record as it is now and decides: refusals are checked again, since the record may have changed. */
    @Transactional
    public Resolved resolve(NotificationQueue.Due due) {
        Instant now = Now.of(clock);
        Optional<PersonToNotify> person = people.of(due.personId(), LocalDate.now(clock));
        if (person.isEmpty()) {
            queue.failedPermanently(due.id(), null, null, "PERSON_NOT_FOUND", now);
            return new Resolved.Settled();
        }
        Referrer referrer = due.recipient() == RecipientRole.REFERRER && due.facts().containsKey("referralId")
                ? referrers.of(UUID.fromString(due.facts().get("referralId"))).orElse(null) : null;
        Addressing addressing = NotificationPolicy.addressing(due.message(), due.recipient(), person.get(), referrer);
        if (addressing instanceof Addressing.Withhold withhold) {
            queue.withheld(due.id(), withhold.reason(), now);
            return new Resolved.Settled();
        }
        access.audit(due.personId(), Notifier.ACTOR, AuditAction.READ, "contact details: "
                + due.message().templateName() + " to " + due.recipient(), AccessPurpose.NOTIFICATION, now);
        if (addressing instanceof Addressing.Unreachable unreachable) {
            queue.failedPermanently(due.id(), null, null, unreachable.reason(), now);
            return new Resolved.Settled();
        }
        Addressing.Send send = (Addressing.Send) addressing;
        return new Resolved.Ready(new OutgoingMessage(due.id(), due.personId(), send.addressee(), send.template(),
                Personalisation.of(due.message(), due.facts(), send.addressee(), person.get(),
                        signposting.signposting()), due.attempts()),
                send.addressee().channel().name());
    }

    @Transactional
    public void record(NotificationQueue.Due due, Resolved.Ready ready, MessageSender.SendResult result) {
        Instant now = Now.of(clock);
        String template = ready.message().template();
        if (result instanceof MessageSender.SendResult.Sent sent) {
            queue.sent(due.id(), ready.channel(), template, sent.providerReference(), now);
            deliveryChecks.firstCheckAt(due.id(), now.plus(settings.getFirstDeliveryCheckAfter()));
        } else if (result instanceof MessageSender.SendResult.PermanentFailure failure) {
            queue.failedPermanently(due.id(), ready.channel(), template, failure.reason(), now);
        } else if (result instanceof MessageSender.SendResult.TransientFailure failure) {
            if (due.attempts() >= settings.getMaxAttempts()) {
                queue.failedPermanently(due.id(), ready.channel(), template,
                        "GAVE_UP_AFTER_" + due.attempts() + "_ATTEMPTS: " + failure.reason(), now);
            } else {
                queue.retryAt(due.id(), now.plus(settings.retryAfter(due.attempts())), failure.reason());
            }
        }
    }
}
