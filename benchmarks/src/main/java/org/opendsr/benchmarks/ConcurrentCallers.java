package org.opendsr.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed number of callers, each making one call after another as fast as it is answered (a closed loop), until
 * a given number of calls has been made. Every measurement in a run (PostgreSQL, Kafka, the journey) is driven by
 * this same loop with the same number of callers, so their throughputs and latencies can be compared.
 */
final class ConcurrentCallers {

    /** One call. Returns false (or throws) when the call failed; its time is measured either way. */
    interface Call {
        boolean make(int index, int caller) throws Exception;
    }

    /**
     * @param calls        calls made
     * @param failures     calls that returned false or threw
     * @param elapsedNanos from the first call's start to the last call's end
     * @param latencies    the time of each call
     * @param firstErrors  up to five error messages, to say what went wrong
     */
    record Outcome(int calls, int failures, long elapsedNanos, Latencies latencies, List<String> firstErrors) {

        double perSecond() {
            return calls / (elapsedNanos / 1e9);
        }

        double elapsedSeconds() {
            return elapsedNanos / 1e9;
        }
    }

    private ConcurrentCallers() {
    }

    /**
     * Makes {@code count} calls on {@code callers} threads. Call {@code i}'s time is stored at index {@code i}, so
     * the caller can line times up with what it recorded per call.
     */
    static Outcome run(String name, int count, int callers, Call call) {
        long[] nanos = new long[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>(callers);
        for (int c = 0; c < callers; c++) {
            int caller = c;
            threads.add(new Thread(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    long started = System.nanoTime();
                    boolean ok = attempt(call, i, caller, errors);
                    nanos[i] = System.nanoTime() - started;
                    if (!ok) {
                        failures.incrementAndGet();
                    }
                }
            }, name + "-caller-" + c));
        }
        long started = System.nanoTime();
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while measuring " + name, e);
            }
        }
        long elapsed = System.nanoTime() - started;
        // Thread.join makes every caller's writes to nanos visible here.
        return new Outcome(count, failures.get(), elapsed, Latencies.of(nanos), List.copyOf(errors));
    }

    /**
     * An open loop: call {@code i} is due at {@code i / ratePerSecond} seconds after the start, whatever the earlier
     * calls are doing, on up to {@code maxInFlight} threads. Each call's time runs from when it was due, not from
     * when a thread got to it, so a system that falls behind shows its queueing in the latencies instead of hiding
     * it by slowing the load down.
     */
    static Outcome paced(String name, int count, double ratePerSecond, int maxInFlight, Call call) {
        long[] nanos = new long[count];
        long interval = (long) (1e9 / ratePerSecond);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>(maxInFlight);
        long started = System.nanoTime();
        for (int c = 0; c < maxInFlight; c++) {
            int caller = c;
            threads.add(new Thread(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    long due = started + i * interval;
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                    boolean ok = attempt(call, i, caller, errors);
                    nanos[i] = System.nanoTime() - due;
                    if (!ok) {
                        failures.incrementAndGet();
                    }
                }
            }, name + "-paced-" + c));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while measuring " + name, e);
            }
        }
        return new Outcome(count, failures.get(), System.nanoTime() - started, Latencies.of(nanos), List.copyOf(errors));
    }

    /** Makes one call; an exception counts as a failure, and the first few are kept to say what went wrong. */
    private static boolean attempt(Call call, int i, int caller, List<String> errors) {
        try {
            return call.make(i, caller);
        } catch (Exception e) {
            if (errors.size() < 5) {
                errors.add(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            return false;
        }
    }
}
