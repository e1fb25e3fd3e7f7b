package org.opendsr.referral.shared.application;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.opendsr.kit.ports.Locks;

/** The locks referral-service takes, named in one place. */
@Singleton
public class RecordLocks {

    private final Locks locks;

    public RecordLocks(Locks locks) {
        this.locks = locks;
    }

    /**
     * Serialises work on one NHS number, so two referrals for someone new that arrive together find or create the
     * same person instead of two.
     */
    public void lockIdentity(String nhsNumber) {
        locks.lock("nhs-number:" + nhsNumber);
    }

    /**
     * Serialises the search for possible duplicates among people born on one day, so that two people recorded at
     * once, neither seeing the other's uncommitted row, cannot both miss each other: the second to lock searches
     * after the first has committed. Taken after {@link #lockIdentity}, never before, so the two cannot deadlock.
     */
    public void lockDateOfBirth(LocalDate dateOfBirth) {
        locks.lock("date-of-birth:" + dateOfBirth);
    }

    /** Serialises changes to one person's record, referrals and register entries (e.g. two acceptances at once). */
    public void lockPerson(UUID personId) {
        locks.lock("person:" + personId);
    }

    /** True when this transaction got the lock; false when another transaction (perhaps another replica) holds it. */
    public boolean tryLock(String name) {
        return locks.tryLock(name);
    }
}
