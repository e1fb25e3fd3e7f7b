package org.opendsr.referral.shared.application;

/**
 * Named locks held until the caller's transaction ends, so that replicas of referral-service agree without a
 * coordinator. (Referral-service's own port until the kit's {@code Locks} replaces it.)
 */
public interface Locks {

    /** Waits for the lock. */
    void lock(String name);

    /** True when this transaction got the lock; false when another transaction (perhaps another replica) holds it. */
    boolean tryLock(String name);
}
