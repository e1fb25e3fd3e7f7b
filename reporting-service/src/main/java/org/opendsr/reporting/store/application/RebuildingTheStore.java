package org.opendsr.reporting.store.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.opendsr.kit.messaging.ReceivedEvent;
import org.opendsr.kit.observability.SafeThrowables;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.reporting.store.application.StoreRebuilds.ReplayedEvent;
import org.opendsr.reporting.store.domain.RebuildPreconditions;
import org.opendsr.reporting.store.domain.Projection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the store from the topics (a new measure needs facts the store did not keep): empties it, replays every
 * event from the beginning of the four topics to where they ended when it started, in batches (one transaction per
 * poll with the events' inbox records), then lets the live listeners go on from there. Frozen snapshots are not
 * touched: every replayed fact is taken as already in the snapshot of its month where that month is cut
 * (last_cut_seq = the highest seq). One rebuild at a time, across replicas.
 *
 * <p>Reading and writing overlap: while one batch is written (PostgreSQL's work, on the writer thread), the next is
 * polled, decoded and projected (this service's work, on the rebuild thread). At most one batch is in flight and they
 * are written in the order read, so the facts' order and the inbox's once-only rule are those of a serial replay; a
 * batch that fails to write fails the rebuild before another is written.
 */
@Singleton
public class RebuildingTheStore {

    /** A RUNNING rebuild with no batch for this long died with its replica. */
    static final Duration STALE_AFTER = Duration.ofMinutes(2);

    private static final Logger LOG = LoggerFactory.getLogger(RebuildingTheStore.class);

    private final StoreRebuilds rebuilds;
    private final EventReplay replay;
    private final StoreProjection projection;
    private final Clock clock;
    private final ExecutorService runner = daemonThread("reporting-store-rebuild");
    private final ExecutorService writer = daemonThread("reporting-store-rebuild-writer");

    public RebuildingTheStore(StoreRebuilds rebuilds, EventReplay replay, StoreProjection projection, Clock clock) {
        this.rebuilds = rebuilds;
        this.replay = replay;
        this.projection = projection;
        this.clock = clock;
    }

    /**
     * Starts a rebuild in the background and returns its id; refused while one is running, while late facts wait for
     * the next cut (the rebuild would drop them from every snapshot), and where retention has deleted events from the
     * beginning of a topic (the rebuild would lose them: the frozen snapshots keep that history). Nothing is emptied
     * when refused.
     */
    public long start() {
        if (rebuilds.lateFactsAwaitTheNextCut()) {
            throw RuleBroken.conflict("late-facts-await-cut", "Late facts wait for the next cut",
                    "Facts have arrived for a month already cut since its cut; the next month-end cut counts them. "
                            + "A rebuild now would take them as already cut and leave them out of every snapshot: "
                            + "rebuild after the next cut.");
        }
        RebuildPreconditions.topicNotFromItsBeginning(StoreConsumers.TOPICS, replay.firstOffsets(StoreConsumers.TOPICS))
                .ifPresent(topic -> {
                    throw RuleBroken.conflict("topic-not-from-its-beginning", "Events have been deleted from a topic",
                            "Retention has deleted the first events of " + topic + ": a rebuild from the topics would "
                                    + "lose them (people who joined the register long ago). The store is kept as it "
                                    + "is; the frozen snapshots keep the history.");
                });
        Instant now = Instant.now(clock);
        long id = rebuilds.begin(now, now.minus(STALE_AFTER)).orElseThrow(() -> RuleBroken.conflict(
                "rebuild-running", "A rebuild is running", "The store is being rebuilt; see /reports/store/rebuilds/latest"));
        runner.submit(() -> run(id));
        return id;
    }

    public Optional<RebuildProgress> progress(long id) {
        return rebuilds.progress(id);
    }

    public Optional<RebuildProgress> latest() {
        return rebuilds.latest();
    }

    /**
     * Why the store is held, where a rebuild failed or stalled: the rebuilding flag is set (live listeners hold off,
     * cuts are skipped, on purpose: the store is incomplete) and the latest rebuild FAILED or has sent no heartbeat for
     * over {@link #STALE_AFTER}. Empty while a rebuild runs or none is needed.
     */
    public Optional<String> stalled() {
        if (!rebuilds.rebuilding()) {
            return Optional.empty();
        }
        Instant staleBefore = Instant.now(clock).minus(STALE_AFTER);
        // Only a RUNNING rebuild with a recent heartbeat is on its way; FAILED, stalled (or none at all) holds the store.
        boolean held = rebuilds.latest().map(latest -> latest.state() != RebuildProgress.State.RUNNING
                || latest.heartbeatAt().isBefore(staleBefore)).orElse(true);
        return held ? Optional.of("store rebuild failed/stalled: start a new rebuild") : Optional.empty();
    }

    /** The rebuild itself, on its own thread. */
    void run(long id) {
        try {
            LOG.info("Rebuild {} of the reporting store started", id);
            // Each step timed and logged: where a rebuild's time goes is what decides what to make faster.
            long startedAt = System.nanoTime();
            rebuilds.empty(List.copyOf(StoreConsumers.GROUP_OF_TOPIC.values()));
            long emptiedAt = System.nanoTime();
            long read = 0;
            // How long the reading waited for the writer: near the replay's time, PostgreSQL's writes bound it; near
            // zero, reading and projecting do.
            long waitedForWriter = 0;
            try (EventReplay.Replay topics = replay.open(StoreConsumers.TOPICS)) {
                rebuilds.totals(id, topics.totals(), Instant.now(clock));
                Future<?> writing = null;
                try {
                    while (!topics.done()) {
                        Replayed batch = project(topics.next());
                        read += batch.readByTopic().values().stream().mapToLong(Long::longValue).sum();
                        waitedForWriter += nanosAwaitingWritten(writing);
                        writing = writer.submit(() -> rebuilds.apply(id, batch.events(), batch.readByTopic(),
                                batch.skipped(), Instant.now(clock)));
                    }
                    waitedForWriter += nanosAwaitingWritten(writing);
                } catch (RuntimeException failure) {
                    // The batch in flight settles before FAILED is recorded, so that nothing is written after it.
                    settleQuietly(writing);
                    throw failure;
                }
            }
            long replayedAt = System.nanoTime();
            rebuilds.finish(id, Instant.now(clock));
            long finishedAt = System.nanoTime();
            LOG.info("Rebuild {} of the reporting store done: emptied in {} ms, {} events replayed in {} ms ({} a "
                            + "second; the reading waited {} ms for the writer), indexes built and the store released "
                            + "in {} ms", id,
                    (emptiedAt - startedAt) / 1_000_000, read, (replayedAt - emptiedAt) / 1_000_000,
                    replayedAt == emptiedAt ? 0 : read * 1_000_000_000L / (replayedAt - emptiedAt),
                    waitedForWriter / 1_000_000, (finishedAt - replayedAt) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.error("Rebuild {} of the reporting store failed; live listeners wait until a rebuild finishes", id,
                    SafeThrowables.redacted(e));
            try {
                rebuilds.failed(id, Instant.now(clock));
            } catch (RuntimeException unrecorded) {
                LOG.error("Could not record that rebuild {} failed", id, SafeThrowables.redacted(unrecorded));
            }
        }
    }

    /** One batch projected: what the store applies, what was read per topic, what was left out. */
    private record Replayed(List<ReplayedEvent> events, Map<String, Long> readByTopic, long skipped) {
    }

    private Replayed project(EventReplay.Batch batch) {
        List<ReplayedEvent> replayed = new ArrayList<>(batch.events().size());
        long skipped = batch.unreadable();
        for (ReceivedEvent<?> event : batch.events()) {
            Projection projected;
            try {
                projected = projection.project(event);
            } catch (RuleBroken | IllegalArgumentException | NullPointerException refused) {
                // What the live listener would dead-letter: left out, and counted.
                skipped++;
                continue;
            }
            replayed.add(new ReplayedEvent(StoreConsumers.GROUP_OF_TOPIC.get(event.topic()), event.id(), event.type(),
                    projected));
        }
        return new Replayed(replayed, batch.readByTopic(), skipped);
    }

    /** {@link #awaitWritten}, returning how long it waited. */
    private static long nanosAwaitingWritten(Future<?> writing) {
        long waiting = System.nanoTime();
        awaitWritten(writing);
        return System.nanoTime() - waiting;
    }

    /** Waits for the batch being written; its failure is the rebuild's. */
    private static void awaitWritten(Future<?> writing) {
        if (writing == null) {
            return;
        }
        try {
            writing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The rebuild was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("A batch of the rebuild could not be written", e.getCause());
        }
    }

    private static void settleQuietly(Future<?> writing) {
        if (writing == null || writing.isDone()) {
            return;
        }
        try {
            awaitWritten(writing);
        } catch (RuntimeException alsoFailed) {
            LOG.warn("A batch of the failed rebuild did not commit either", SafeThrowables.redacted(alsoFailed));
        }
    }

    private static ExecutorService daemonThread(String name) {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
        writer.shutdownNow();
    }
}
