package org.opendsr.referral.application;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.referral.ReferralWithdrawn;
import org.opendsr.contracts.referral.WithdrawalReason;
import org.opendsr.kit.outbox.Outbox;
import org.opendsr.kit.web.RequestRefused;
import org.opendsr.referral.adapters.persistence.ReferralRow;
import org.opendsr.referral.adapters.persistence.Referrals;
import org.opendsr.referral.domain.AccessPurpose;
import org.opendsr.referral.domain.ReferralLifecycle;
import org.opendsr.referral.domain.ReferralStatus;

/**
 * A referral is withdrawn before its outcome, by its referrer or by the DSR team (on the person's or family's word,
 * or when it is no longer needed). A self or family referral withdrawn before completion was never announced, so its
 * withdrawal is not either.
 */
@Singleton
public class WithdrawingReferrals {

    private final ReferralsInProgress inProgress;
    private final Referrals referrals;
    private final Outbox outbox;
    private final RecordAccess access;
    private final Clock clock;

    public WithdrawingReferrals(ReferralsInProgress inProgress, Referrals referrals, Outbox outbox, RecordAccess access,
                                Clock clock) {
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
        ReferralRow referral = inProgress.lockedForChange(referralId);
        if (!caller.seesEveryone() && !referral.referredBy().equals(caller.userId())) {
            if (access.mayAccess(referral.personId(), caller)) {
                throw RequestRefused.forbidden("only the referrer or the DSR team may withdraw a referral");
            }
            throw RequestRefused.notFound("The referral");
        }
        ReferralLifecycle.check(ReferralStatus.valueOf(referral.status()), ReferralStatus.WITHDRAWN, referral.complete());

        referrals.close(referral.id(), ReferralStatus.WITHDRAWN.name(), now, caller.userId(), null, reason.name(), notes);
        if (referral.complete()) {
            outbox.append("referral", referral.personId(), EventTypes.REFERRAL_WITHDRAWN_V1, new ReferralWithdrawn(
                    referral.id(), referral.personId(), now, reason, referral.referredBy()));
        }
        access.audit(referral.personId(), caller.asActor(), AuditAction.CHANGED, "referral " + referral.id()
                + " withdrawn", purpose, now);
        return new ReferralOutcome(referral.id(), referral.personId(), ReferralStatus.WITHDRAWN, now,
                referral.firstContactDueOn(), null, null);
    }
}
