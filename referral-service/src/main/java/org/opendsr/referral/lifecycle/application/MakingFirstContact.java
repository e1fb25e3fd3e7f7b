package org.opendsr.referral.lifecycle.application;

import org.opendsr.referral.careteam.application.KeepingCareTeams;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.EventTypes;
import org.opendsr.referral.audit.application.Actor;
import org.opendsr.contracts.referral.ReferralContacted;
import org.opendsr.kit.access.Caller;
import org.opendsr.referral.access.application.RecordAccess;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.audit.application.AuditAction;
import org.opendsr.referral.lifecycle.domain.Referral;
import org.opendsr.referral.lifecycle.domain.ReferralChange;
import org.opendsr.referral.lifecycle.domain.ReferralStatus;
import org.opendsr.referral.lifecycle.domain.Referrals;
import org.opendsr.kit.ports.EventOutbox;
import org.opendsr.referral.shared.application.Now;

/** The DSR team records first contact about a referral, in time or not (the deadline is kept to be reported on). */
@Singleton
public class MakingFirstContact {

    private final ReferralsInProgress inProgress;
    private final Referrals referrals;
    private final EventOutbox outbox;
    private final RecordAccess access;
    private final KeepingCareTeams careTeams;
    private final Clock clock;

    public MakingFirstContact(ReferralsInProgress inProgress, Referrals referrals, EventOutbox outbox,
                              RecordAccess access, KeepingCareTeams careTeams, Clock clock) {
        this.careTeams = careTeams;
        this.inProgress = inProgress;
        this.referrals = referrals;
        this.outbox = outbox;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public ReferralOutcome contact(UUID referralId, Caller caller, AccessPurpose purpose) {
        Instant now = Now.of(clock);
        Referral referral = inProgress.lockedForChange(referralId);
        access.requireManages(referral.personId(), caller, "The referral");
        ReferralChange.Contacted contacted = referral.contact(now, caller.userId());
        referrals.save(referral);
        // The DSR team has now checked who the person is: a professional referrer joins the care team.
        careTeams.follow(referral.personId(), caller.userId());

        outbox.append("referral", referral.personId(), EventTypes.REFERRAL_CONTACTED_V1, new ReferralContacted(
                referral.id(), referral.personId(), now, contacted.firstContactDueOn(), contacted.inTime()));
        access.audit(referral.personId(), Actor.of(caller), AuditAction.CHANGED, "referral " + referral.id()
                + " contacted", purpose, now);
        return new ReferralOutcome(referral.id(), referral.personId(), ReferralStatus.CONTACTED, now,
                referral.firstContactDueOn(), contacted.inTime(), null);
    }
}
