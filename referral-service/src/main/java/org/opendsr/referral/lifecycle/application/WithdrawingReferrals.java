package org.opendsr.referral.lifecycle.application;

import org.opendsr.referral.careteam.application.KeepingCareTeams;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.EventTypes;
import org.opendsr.referral.audit.application.Actor;
import org.opendsr.contracts.referral.ReferralWithdrawn;
import org.opendsr.contracts.referral.WithdrawalReason;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.audit.AuditOutcome;
import org.opendsr.referral.access.application.RecordAccess;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.audit.application.AuditAction;
import org.opendsr.referral.lifecycle.domain.Referral;
import org.opendsr.referral.lifecycle.domain.ReferralChange;
import org.opendsr.referral.lifecycle.domain.ReferralStatus;
import org.opendsr.referral.lifecycle.domain.Referrals;
import org.opendsr.kit.ports.EventOutbox;
import org.opendsr.referral.shared.application.Now;

/**
 * A referral is withdrawn before its outcome, by its referrer or by the DSR team (on the person's or family's word,
 * or when it is no longer needed). A self or family referral withdrawn before completion was never announced, so its
 * withdrawal is not either.
 */
@Singleton
public class WithdrawingReferrals {

    private final ReferralsInProgress inProgress;
    private final Referrals referrals;
    private final EventOutbox outbox;
    private final RecordAccess access;
    private final KeepingCareTeams careTeams;
    private final Clock clock;

    public WithdrawingReferrals(ReferralsInProgress inProgress, Referrals referrals, EventOutbox outbox,
                                RecordAccess access, KeepingCareTeams careTeams, Clock clock) {
        this.careTeams = careTeams;
        this.inProgress = inProgress;
        this.referrals = referrals;
        this.outbox = outbox;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public ReferralOutcome withdraw(UUID referralId, WithdrawalReason reason, @Nullable String notes, Caller caller,
                                    AccessPurpose purpose) {
        Instant now = Now.of(clock);
        Referral referral = inProgress.lockedForChange(referralId);
        if (!access.managesCareOf(referral.personId(), caller) && !referral.isReferredBy(caller.userId())) {
            access.auditAttempt(referral.personId(), caller, "withdrawal of referral " + referralId,
                    AuditOutcome.REFUSED);
            if (access.mayAccess(referral.personId(), caller)) {
                throw RuleBroken.forbidden("only the referrer or the DSR team may withdraw a referral");
            }
            throw RuleBroken.notFound("The referral");
        }
        ReferralChange.Withdrawn withdrawn = referral.withdraw(reason, notes, now, caller.userId());
        referrals.save(referral);
        careTeams.follow(referral.personId(), caller.userId());

        if (withdrawn.announced()) {
            outbox.append("referral", referral.personId(), EventTypes.REFERRAL_WITHDRAWN_V1, new ReferralWithdrawn(
                    referral.id(), referral.personId(), now, reason, referral.referredBy()));
        }
        access.audit(referral.personId(), Actor.of(caller), AuditAction.CHANGED, "referral " + referral.id()
                + " withdrawn", purpose, now);
        return new ReferralOutcome(referral.id(), referral.personId(), ReferralStatus.WITHDRAWN, now,
                referral.firstContactDueOn(), null, null);
    }
}
