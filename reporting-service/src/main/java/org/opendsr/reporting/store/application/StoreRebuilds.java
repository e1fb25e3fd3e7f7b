package org.opendsr.reporting.store.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.opendsr.reporting.store.domain.Projection;

/** The store as a rebuild writes it, and the rebuilds' progress (a port: the persistence adapter). */
public interface StoreRebuilds {

    /**
     * Records a new rebuild as RUNNING and returns its id, one at a time (an advisory lock): empty if another is
     * running (its heartbeat later than {@code staleBefore}); a RUNNING one whose heartbeat stopped is marked FAILED.
     */
    Optional<Long> begin(Instant now, Instant staleBefore);

    /**
     * Empties the store for a rebuild, in one transaction: sets the rebuilding flag (waiting for live writes under
     * way), truncates facts and people, sets the facts' secondary indexes aside (built once when it finishes: less
     * work than keeping them up to date row by row) and forgets which events the store's consumer groups have applied.
     * Never touches snapshots.
     */
    void empty(List<String> consumerGroups);

    void totals(long rebuildId, Map<String, Long> totalByTopic, Instant now);

    /**
     * One batch in one transaction: each event recorded as processed under its consumer group, and applied only where
     * that is its first record (a duplicate publication is applied once); the progress with it.
     */
    void apply(long rebuildId, List<ReplayedEvent> events, Map<String, Long> readByTopic, long skipped, Instant now);

    /**
     * The end: the facts' indexes built, last_cut_seq = the highest fact seq, the rebuilding flag cleared, the rebuild
     * DONE.
     */
    void finish(long rebuildId, Instant now);

    /** The rebuild FAILED; the flag stays set (the store is incomplete until another rebuild finishes). */
    void failed(long rebuildId, Instant now);

    /**
     * Whether late facts wait for the next cut: facts applied after the last cut ({@code seq > last_cut_seq}) that
     * arrived in a month already cut. The next cut counts them; a rebuild would take them as already cut
     * ({@code last_cut_seq = max(seq)}) and they would be in no snapshot.
     */
    boolean lateFactsAwaitTheNextCut();

    /** Whether the store's rebuilding flag is set (live listeners hold off, cuts are skipped). */
    boolean rebuilding();

    Optional<RebuildProgress> progress(long rebuildId);

    Optional<RebuildProgress> latest();

    record ReplayedEvent(String consumerGroup, String eventId, String eventType, Projection projection) {
    }
}
