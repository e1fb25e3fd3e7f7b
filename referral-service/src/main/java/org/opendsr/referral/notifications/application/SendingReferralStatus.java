package org.opendsr.referral.notifications.application;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.referral.ReferralRoute;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.referral.access.application.RecordAccess;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.audit.application.Actor;
import org.opendsr.referral.audit.application.AuditAction;
import org.opendsr.referral.lifecycle.domain.Referral;
import org.opendsr.referral.lifecycle.domain.Referrals;
import org.opendsr.referral.notifications.domain.MessageKind;
import org.opendsr.referral.shared.application.Now;

/**
 * A self or family referrer asked what is happening with their referral ("a member of the team will be in touch"):
 * the DSR team of the person's area, or a lead, sends its status now, as a message to the person's side. A
 * professional or agency referrer sees their referral through the API and is told its outcome: 409 for those.
 */
@Singleton
public class SendingReferralStatus {

    private final Referrals referrals;
    private final QueueingNotifications queueing;
    private final RecordAccess access;
    private final Clock clock;

    public SendingReferralStatus(Referrals referrals, QueueingNotifications queueing, RecordAccess access,
                                 Clock clock) {
        this.referrals = referrals;
        this.queueing = queueing;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public QueueingNotifications.QueuedMessage send(UUID referralId, Caller caller, AccessPurpose purpose) {
        Referral referral = referrals.byId(referralId).orElse(null);
        if (referral == null) {
            access.auditAttempt(null, caller, "referral " + referralId, org.opendsr.kit.audit.AuditOutcome.NOT_FOUND);
            throw RuleBroken.notFound("The referral");
        }
        access.requireManages(referral.personId(), caller, "The referral");
        if (referral.route() != ReferralRoute.SELF_OR_FAMILY) {
            throw RuleBroken.conflict("status-message-for-self-or-family-referrals",
                    "Status messages are for self and family referrers",
                    "a " + referral.route() + " referrer sees the referral through the DSR and is told its outcome");
        }
        Instant now = Now.of(clock);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("referralId", referral.id().toString());
        facts.put("status", referral.status().name());
        facts.put("receivedOn", referral.receivedOn().toString());
        facts.put("firstContactDueOn", referral.firstContactDueOn().toString());
        QueueingNotifications.QueuedMessage queued = queueing.queueAboutReferral(
                "referral-status:" + UUID.randomUUID(), MessageKind.REFERRAL_STATUS, referral, facts);
        access.audit(referral.personId(), Actor.of(caller), AuditAction.CREATED, "status message about referral "
                + referral.id() + " to " + queued.recipient(), purpose, now);
        return queued;
    }
}
