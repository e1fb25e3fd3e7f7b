package org.opendsr.referral.lifecycle.application;

import java.util.UUID;

import jakarta.inject.Singleton;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.referral.lifecycle.domain.Referral;
import org.opendsr.referral.lifecycle.domain.Referrals;
import org.opendsr.referral.shared.application.RecordLocks;

/** Finds a referral to change and holds its person's lock, so two changes to one person never interleave. */
@Singleton
public class ReferralsInProgress {

    private final Referrals referrals;
    private final RecordLocks locks;

    public ReferralsInProgress(Referrals referrals, RecordLocks locks) {
        this.referrals = referrals;
        this.locks = locks;
    }

    /** The referral as it is once no one else is changing its person (read again after the lock). */
    public Referral lockedForChange(UUID referralId) {
        Referral found = referrals.byId(referralId).orElseThrow(() -> RuleBroken.notFound("The referral"));
        locks.lockPerson(found.personId());
        return referrals.byId(referralId).orElseThrow(() -> RuleBroken.notFound("The referral"));
    }
}
