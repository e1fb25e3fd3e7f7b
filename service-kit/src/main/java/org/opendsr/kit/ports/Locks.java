package org.opendsr.kit.ports;

/**
 * Named locks that replicas of one service agree on without a coordinator, held until the caller's transaction
 * ends (commit or rollback). Use them where a row lock cannot serialise the work: on a row that does not exist yet
 * (two requests for someone new), or on a job as a whole. Name them by what they protect, e.g. {@code person:<id>}.
 */
public interface Locks {

    /** Waits for the lock, then holds it until the caller's transaction ends. */
    void lock(String name);

    /** True when this transaction got the lock; false at once when another transaction (perhaps another replica) holds it. */
    boolean tryLock(String name);
}
