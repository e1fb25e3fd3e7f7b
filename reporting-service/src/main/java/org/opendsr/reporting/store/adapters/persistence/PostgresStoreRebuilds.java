package org.opendsr.reporting.store.adapters.persistence;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.opendsr.kit.inbox.ProcessedEvents;
import org.opendsr.kit.ports.Locks;
import org.opendsr.reporting.store.application.RebuildProgress;
import org.opendsr.reporting.store.application.RebuildProgress.TopicProgress;
import org.opendsr.reporting.store.application.StoreRebuilds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The rebuild's writes and its progress rows (V4), each step in a transaction of its own. */
@Singleton
public class PostgresStoreRebuilds implements StoreRebuilds {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresStoreRebuilds.class);

    static final String LOCK = "reporting-store-rebuild";

    private final TransactionOperations<Connection> transactions;
    private final ProcessedEvents processedEvents;
    private final Locks locks;

    public PostgresStoreRebuilds(TransactionOperations<Connection> transactions, ProcessedEvents processedEvents,
                                 Locks locks) {
        this.transactions = transactions;
        this.processedEvents = processedEvents;
        this.locks = locks;
    }

    @Override
    public Optional<Long> begin(Instant now, Instant staleBefore) {
        return write(connection -> {
            if (!locks.tryLock(LOCK)) {
                return Optional.empty();
            }
            try (PreparedStatement running = connection.prepareStatement(
                    "SELECT 1 FROM store_rebuild WHERE state = 'RUNNING' AND heartbeat_at >= ?")) {
                running.setTimestamp(1, Timestamp.from(staleBefore));
                try (ResultSet row = running.executeQuery()) {
                    if (row.next()) {
                        return Optional.empty();
                    }
                }
            }
            try (PreparedStatement stale = connection.prepareStatement(
                    "UPDATE store_rebuild SET state = 'FAILED', finished_at = ? WHERE state = 'RUNNING'")) {
                stale.setTimestamp(1, Timestamp.from(now));
                stale.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO store_rebuild (state, started_at, heartbeat_at) VALUES ('RUNNING', ?, ?) RETURNING id")) {
                insert.setTimestamp(1, Timestamp.from(now));
                insert.setTimestamp(2, Timestamp.from(now));
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    return Optional.of(row.getLong(1));
                }
            }
        });
    }

    @Override
    public void empty(List<String> consumerGroups) {
        long[] steps = new long[4];
        long started = System.nanoTime();
        write(connection -> {
            // Waits for the live writes that read the flag FOR SHARE; later ones see it set and hold off.
            try (PreparedStatement flag = connection.prepareStatement("UPDATE reporting_store_state SET rebuilding = TRUE")) {
                flag.executeUpdate();
            }
            steps[0] = System.nanoTime();
            try (PreparedStatement truncate = connection.prepareStatement(
                    "TRUNCATE reporting_fact, reporting_person, reporting_person_link")) {
                truncate.execute();
            }
            setFactIndexesAside(connection);
            steps[1] = System.nanoTime();
            try (PreparedStatement forget = connection.prepareStatement(
                    "DELETE FROM dsr_kit.processed_event WHERE consumer = ANY (?)")) {
                forget.setArray(1, connection.createArrayOf("text", consumerGroups.toArray()));
                forget.executeUpdate();
            }
            steps[2] = System.nanoTime();
            return null;
        });
        steps[3] = System.nanoTime();
        // Where the emptying's time goes (the commit drops the old store's files), for whoever makes rebuilds faster.
        LOG.info("Store emptied for the rebuild: the flag set in {} ms, facts truncated and their indexes set aside in "
                        + "{} ms, inbox records forgotten in {} ms, committed in {} ms", (steps[0] - started) / 1_000_000,
                (steps[1] - steps[0]) / 1_000_000, (steps[2] - steps[1]) / 1_000_000, (steps[3] - steps[2]) / 1_000_000);
    }

    @Override
    public void totals(long rebuildId, Map<String, Long> totalByTopic, Instant now) {
        write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO store_rebuild_topic (rebuild_id, topic, total) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, Long> topic : totalByTopic.entrySet()) {
                    insert.setLong(1, rebuildId);
                    insert.setString(2, topic.getKey());
                    insert.setLong(3, topic.getValue());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            heartbeat(connection, rebuildId, 0, now);
            return null;
        });
    }

    @Override
    public void apply(long rebuildId, List<ReplayedEvent> events, Map<String, Long> readByTopic, long skipped,
                      Instant now) {
        write(connection -> {
            // The commit need not wait for the WAL to reach the disk (this transaction only): should PostgreSQL crash
            // before it does, the rebuild's next statement finds its connection gone, the rebuild FAILS (the flag stays
            // set) and is run again from the topics; finish() commits synchronously, flushing every batch before it.
            try (PreparedStatement relaxed = connection.prepareStatement("SET LOCAL synchronous_commit TO OFF")) {
                relaxed.execute();
            }
            Map<String, List<ReplayedEvent>> byGroup = new LinkedHashMap<>();
            for (ReplayedEvent event : events) {
                byGroup.computeIfAbsent(event.consumerGroup(), group -> new ArrayList<>()).add(event);
            }
            Set<String> firstTime = new HashSet<>();
            for (Map.Entry<String, List<ReplayedEvent>> group : byGroup.entrySet()) {
                // An erasure is not recorded as processed: where the live listener has not had it yet (it was held off
                // by this rebuild), it still gets it afterwards and confirms it; one it had, it never reads again.
                List<ReplayedEvent> recorded = group.getValue().stream()
                        .filter(event -> !event.projection().erases()).toList();
                List<String> ids = recorded.stream().map(ReplayedEvent::eventId).toList();
                List<String> types = recorded.stream().map(ReplayedEvent::eventType).toList();
                for (String id : processedEvents.recordFirstDeliveries(connection, group.getKey(), ids, types)) {
                    firstTime.add(group.getKey() + '/' + id);
                }
            }
            StoreRows.Pending pending = new StoreRows.Pending(false);
            for (ReplayedEvent event : events) {
                // Once each: an id published twice is recorded once, and applied the first time it comes (an erasure,
                // idempotent, every time it comes).
                if (event.projection().erases()
                        || firstTime.remove(event.consumerGroup() + '/' + event.eventId())) {
                    pending.add(event.projection());
                }
            }
            pending.write(connection);
            try (PreparedStatement progress = connection.prepareStatement(
                    "UPDATE store_rebuild_topic SET read = read + ? WHERE rebuild_id = ? AND topic = ?")) {
                for (Map.Entry<String, Long> topic : readByTopic.entrySet()) {
                    progress.setLong(1, topic.getValue());
                    progress.setLong(2, rebuildId);
                    progress.setString(3, topic.getKey());
                    progress.addBatch();
                }
                progress.executeBatch();
            }
            heartbeat(connection, rebuildId, skipped, now);
            return null;
        });
    }

    @Override
    public void finish(long rebuildId, Instant now) {
        write(connection -> {
            // The replay wrote the erased people's facts again under their pseudonyms: re-keyed now, before the
            // indexes are built and before anyone can read the store.
            StoreRows.anonymiseEveryErasedPerson(connection);
            buildFactIndexes(connection);
            try (PreparedStatement state = connection.prepareStatement(
                    "UPDATE reporting_store_state SET rebuilding = FALSE, "
                            + "last_cut_seq = COALESCE((SELECT max(seq) FROM reporting_fact), 0)")) {
                state.executeUpdate();
            }
            end(connection, rebuildId, "DONE", now);
            return null;
        });
    }

    /**
     * Drops reporting_fact's secondary indexes for the rebuild, keeping their definitions (V5): built once at the end
     * costs less than kept up to date row by row. Definitions already kept (a rebuild that died) are kept as they are.
     * The primary key stays. Nothing reads facts by index meanwhile but a live month's figures (slower, still right):
     * the listeners hold off and cuts are skipped while the flag is set.
     */
    private static void setFactIndexesAside(Connection connection) throws SQLException {
        try (PreparedStatement keep = connection.prepareStatement(
                "INSERT INTO store_rebuild_index (index_relation, definition) "
                        + "SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i "
                        + "JOIN pg_class c ON c.oid = i.indexrelid "
                        + "WHERE i.indrelid = 'reporting_fact'::regclass AND NOT i.indisprimary AND NOT i.indisunique "
                        + "ON CONFLICT (index_relation) DO NOTHING")) {
            keep.executeUpdate();
        }
        for (String index : keptIndexes(connection).keySet()) {
            try (PreparedStatement drop = connection.prepareStatement("DROP INDEX IF EXISTS \"" + index + "\"")) {
                drop.execute();
            }
        }
    }

    /** Builds the indexes set aside (each once, over every fact), then lets the planner see the new table. */
    private static void buildFactIndexes(Connection connection) throws SQLException {
        for (String definition : keptIndexes(connection).values()) {
            // IF NOT EXISTS: a finish that died after building some commits none, but stay safe to run again anyway.
            try (PreparedStatement build = connection.prepareStatement(
                    definition.replaceFirst("^CREATE INDEX ", "CREATE INDEX IF NOT EXISTS "))) {
                build.execute();
            }
        }
        try (PreparedStatement forget = connection.prepareStatement("DELETE FROM store_rebuild_index");
             PreparedStatement analyse = connection.prepareStatement("ANALYZE reporting_fact, reporting_person")) {
            forget.executeUpdate();
            analyse.execute();
        }
    }

    /** The kept definitions by index name; the CHECKs of V5 hold both to their shape, so they are safe to run. */
    private static Map<String, String> keptIndexes(Connection connection) throws SQLException {
        Map<String, String> kept = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT index_relation, definition FROM store_rebuild_index ORDER BY index_relation");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                kept.put(rows.getString(1), rows.getString(2));
            }
        }
        return kept;
    }

    @Override
    public void failed(long rebuildId, Instant now) {
        write(connection -> {
            end(connection, rebuildId, "FAILED", now);
            return null;
        });
    }

    @Override
    public boolean lateFactsAwaitTheNextCut() {
        return read(connection -> {
            // In two steps, so that the planner sees the last cut's seq as a value and walks the primary key from it
            // over the facts since the cut. As one join it scanned every fact (1.5 s of a rebuild's start at 5 million
            // facts, measured): the one-row state table has no statistics, and EXISTS looks cheap to a sequential scan.
            long lastCutSeq;
            Date lastCutMonth;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT s.last_cut_seq, (SELECT max(month) FROM snapshot) FROM reporting_store_state s");
                 ResultSet row = select.executeQuery()) {
                if (!row.next() || row.getDate(2) == null) {
                    return false;
                }
                lastCutSeq = row.getLong(1);
                lastCutMonth = row.getDate(2);
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT EXISTS (SELECT 1 FROM reporting_fact WHERE seq > ? AND arrived_month <= ?)")) {
                select.setLong(1, lastCutSeq);
                select.setDate(2, lastCutMonth);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() && row.getBoolean(1);
                }
            }
        });
    }

    @Override
    public boolean rebuilding() {
        return read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT rebuilding FROM reporting_store_state");
                 ResultSet row = select.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        });
    }

    @Override
    public Optional<RebuildProgress> progress(long rebuildId) {
        return read(connection -> select(connection, "WHERE id = ?", rebuildId));
    }

    @Override
    public Optional<RebuildProgress> latest() {
        return read(connection -> select(connection, "ORDER BY id DESC LIMIT 1", null));
    }

    private static Optional<RebuildProgress> select(Connection connection, String where, Long id) throws SQLException {
        long rebuildId;
        RebuildProgress.State state;
        Instant started;
        Instant heartbeat;
        Instant finished;
        long skipped;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, state, started_at, heartbeat_at, finished_at, skipped FROM store_rebuild " + where)) {
            if (id != null) {
                select.setLong(1, id);
            }
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                rebuildId = row.getLong(1);
                state = RebuildProgress.State.valueOf(row.getString(2));
                started = row.getTimestamp(3).toInstant();
                heartbeat = row.getTimestamp(4).toInstant();
                Timestamp end = row.getTimestamp(5);
                finished = end == null ? null : end.toInstant();
                skipped = row.getLong(6);
            }
        }
        List<TopicProgress> topics = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT topic, read, total FROM store_rebuild_topic WHERE rebuild_id = ? ORDER BY topic")) {
            select.setLong(1, rebuildId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    topics.add(new TopicProgress(rows.getString(1), rows.getLong(2), rows.getLong(3)));
                }
            }
        }
        return Optional.of(new RebuildProgress(rebuildId, state, started, heartbeat, finished, topics, skipped));
    }

    private static void heartbeat(Connection connection, long rebuildId, long skipped, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE store_rebuild SET heartbeat_at = ?, skipped = skipped + ? WHERE id = ?")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setLong(2, skipped);
            update.setLong(3, rebuildId);
            update.executeUpdate();
        }
    }

    private static void end(Connection connection, long rebuildId, String state, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE store_rebuild SET state = ?, finished_at = ?, heartbeat_at = ? WHERE id = ?")) {
            update.setString(1, state);
            update.setTimestamp(2, Timestamp.from(now));
            update.setTimestamp(3, Timestamp.from(now));
            update.setLong(4, rebuildId);
            update.executeUpdate();
        }
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T write(Work<T> work) {
        return transactions.executeWrite(status -> {
            try {
                return work.run(status.getConnection());
            } catch (SQLException e) {
                throw new IllegalStateException("The reporting store could not be written", e);
            }
        });
    }

    private <T> T read(Work<T> work) {
        return transactions.executeRead(status -> {
            try {
                return work.run(status.getConnection());
            } catch (SQLException e) {
                throw new IllegalStateException("The rebuild's progress could not be read", e);
            }
        });
    }
}
