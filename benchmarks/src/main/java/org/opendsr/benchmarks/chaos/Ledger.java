package org.opendsr.benchmarks.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the run did and was answered, written by every thread of the run: accepted referrals, agency records and
 * where the broker put them, every HTTP answer by status, the server errors no fault excuses, and the fault under
 * way (which decides which errors are excused).
 */
final class Ledger {

    /** Unavailable answers just after a restart are still excused for this long (connections being re-made). */
    private static final long GRACE_NANOS = 3_000_000_000L;

    final Set<String> acceptedReferralIds = ConcurrentHashMap.newKeySet();
    final List<Reconciliation.Sent> validAgencyEvents = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<Reconciliation.Sent> badAgencyEvents = java.util.Collections.synchronizedList(new ArrayList<>());
    final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
    final List<String> unexpected5xx = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<String> slowUnderFaults = java.util.Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger agencyNotAcknowledged = new AtomicInteger();
    final AtomicInteger noAnswer = new AtomicInteger();

    private volatile FaultWindow window = FaultWindow.NONE;
    private volatile FaultWindow lastWindow = FaultWindow.NONE;
    private volatile long windowClosedAt;

    void open(FaultWindow fault) {
        window = fault;
    }

    void close() {
        lastWindow = window;
        windowClosedAt = System.nanoTime();
        window = FaultWindow.NONE;
    }

    /** The fault under way, or the one that just ended (within the grace time). */
    FaultWindow window() {
        FaultWindow now = window;
        if (now.down() == null && System.nanoTime() - windowClosedAt < GRACE_NANOS) {
            return lastWindow;
        }
        return now;
    }

    /**
     * Notes an answer. {@code before} is the fault when the request was sent: a request sent just before a kill
     * may fail although the answer comes after the restart.
     */
    void answered(String what, int status, FaultWindow before, String service) {
        answers.computeIfAbsent(what + " " + status, key -> new AtomicInteger()).incrementAndGet();
        FaultWindow after = window();
        if (status >= 500 && !before.excuses(status, service) && !after.excuses(status, service)) {
            unexpected5xx.add(what + " answered " + status + " (" + after + ")");
        }
    }

    void slow(String what) {
        slowUnderFaults.add(what);
    }
}
