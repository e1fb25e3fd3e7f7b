package org.opendsr.kit.outbox;

import java.time.Duration;

/**
 * Where the relay waits between rounds. Anything that means "there may be rows to publish" rings it: an in-process
 * wake-up after a local commit ({@link OutboxWakeUp}) or a PostgreSQL notification ({@link NotificationListener}).
 * A ring while the relay is busy is remembered, so the next wait returns at once and no commit is missed.
 */
final class RelayDoorbell {

    private boolean rung;

    synchronized void ring() {
        rung = true;
        notifyAll();
    }

    /** Waits until rung or the timeout passes; clears the ring. */
    synchronized void await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!rung) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                break;
            }
            wait(Math.max(1, remaining / 1_000_000));
        }
        rung = false;
    }
}
