package org.opendsr.referral.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.referral.ReferralContacted;
import org.opendsr.kit.outbox.Outbox;
import org.opendsr.referral.adapters.persistence.ReferralRow;
import org.opendsr.referral.adapters.persistence.Referrals;
import org.opendsr.referral.domain.AccessPurpose;
import org.opendsr.referral.domain.FirstContactDeadline;
import org.opendsr.referral.domain.ReferralLifecycle;
import org.opendsr.referral.domain.ReferralStatus;

/** The DSR team records first contact about a referral, in time or not (the deadline is kept to be reported on). */
@Singleton
public class MakingFirstContact {

    private final ReferralsInProgress inProgress;
    private final Referrals referrals;
    private final Outbox outbox;
    private final RecordAccess access;
    private final Clock clock;

    public MakingFirstContact(ReferralsInProgress inProgress, Referrals referrals, Outbox outbox, RecordAccess access,
                              Clock clock) {
        this.inProgress = inProgress;
        this.referrals = referrals;
        this.outbox = outbox;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public ReferralOutcome contact(UUID referralId, Caller caller, AccessPurpose purpose) {
        Instant now = Now.of(clock);
        ReferralRow referral = inProgress.lockedForChange(referralId);
        ReferralLifecycle.check(ReferralStatus.valueOf(referral.status()), ReferralStatus.CONTACTED, referral.complete());

        referrals.markContacted(referral.id(), now, caller.userId());
        boolean inTime = new FirstContactDeadline(LocalDate.ofInstant(referral.receivedAt(), FirstContactDeadline.ENGLAND),
                referral.firstContactDueOn()).isMetBy(now);
        outbox.append("referral", referral.personId(), EventTypes.REFERRAL_CONTACTED_V1, new ReferralContacted(
                referral.id(), referral.personId(), now, referral.firstContactDueOn(), inTime));
        access.audit(referral.personId(), caller.asActor(), AuditAction.CHANGED, "referral " + referral.id()
                + " contacted", purpose, now);
        return new ReferralOutcome(referral.id(), referral.personId(), ReferralStatus.CONTACTED, now,
                referral.firstContactDueOn(), inTime, null);
    }
}
