package org.opendsr.referral.application;

import java.util.UUID;

import jakarta.inject.Singleton;
import org.opendsr.kit.web.RequestRefused;
import org.opendsr.referral.adapters.persistence.AdvisoryLocks;
import org.opendsr.referral.adapters.persistence.ReferralRow;
import org.opendsr.referral.adapters.persistence.Referrals;

/** Finds a referral to change and holds its person's lock, so two changes to one person never interleave. */
@Singleton
public class ReferralsInProgress {

    private final Referrals referrals;
    private final AdvisoryLocks locks;

    public ReferralsInProgress(Referrals referrals, AdvisoryLocks locks) {
        this.referrals = referrals;
        this.locks = locks;
    }

    /** The referral as it is once no one else is changing its person (read again after the lock). */
    public ReferralRow lockedForChange(UUID referralId) {
        ReferralRow found = referrals.findById(referralId).orElseThrow(() -> RequestRefused.notFound("The referral"));
        locks.lockPerson(found.personId());
        return referrals.findById(referralId).orElseThrow(() -> RequestRefused.notFound("The referral"));
    }
}
