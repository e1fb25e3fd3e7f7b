package org.opendsr.kit.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.opendsr.kit.observability.SafeThrowables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals audit entries into a hash chain and checks it.
 *
 * <p><b>Why a sealing step and not a hash per insert.</b> Chaining each row as it is inserted needs the previous
 * row's hash, so every writer (every request that reads a record, on every replica) would queue on one lock held
 * until its transaction commits: the whole service serialised behind its audit. Instead writers only insert
 * ({@link AuditLog}, one INSERT in their own transaction, no lock), and a sealer, one at a time across replicas
 * (a PostgreSQL advisory lock, tried, so a second replica simply skips its turn), gives the committed entries the
 * next chain positions in entry order every {@code dsr.audit.seal-interval} (5 s). Entries commit out of order
 * (two replicas, or a slow transaction), so the sealer looks back {@code dsr.audit.seal-lookback} (10 min) before its
 * last seal for entries committed late, and the daily check first seals anything left with no window at all.
 * The price: an entry deleted by someone able to disable the triggers in the seconds before it is sealed leaves no
 * trace. Measured on the embedded PostgreSQL of the tests (2 cores, shared): an entry costs one INSERT in the
 * writer's transaction (as the old per-service table did); sealing costs about 0.05 ms per entry, batched.
 *
 * <p><b>What the check finds</b> ({@link #check}, daily at {@code dsr.audit.check-cron}, and on demand through a
 * lead's endpoint): an entry whose columns changed after sealing (ENTRY_CHANGED), a sealed entry that is gone
 * (ENTRY_MISSING), a chain position that is gone (POSITION_MISSING); it reports the first, as an ERROR log line
 * (positions and sequence numbers only, no personal data) and in the gauges {@code dsr_audit_chain_intact} (1 or 0)
 * and {@code dsr_audit_chain_first_broken_position}. Each intact check logs the head position and its hash: kept in
 * the central logs, that is a witness outside the database against someone rewriting the whole chain from a point
 * on, or cutting off its newest positions.
 */
@Singleton
public class AuditChain {

    private static final Logger LOG = LoggerFactory.getLogger(AuditChain.class);
    private static final String LOCK = "SELECT pg_try_advisory_xact_lock(hashtext('dsr_kit.audit_seal'))";
    private static final String WAIT_FOR_LOCK = "SELECT pg_advisory_xact_lock(hashtext('dsr_kit.audit_seal'))";
    private static final int BATCH = 1000;

    private final DataSource dataSource;
    private final Duration lookback;
    private final AtomicLong intact = new AtomicLong(-1);
    private final AtomicLong firstBroken = new AtomicLong();

    @Inject
    public AuditChain(DataSource dataSource, DataSourceResolver resolver, MeterRegistry meters,
                      @Value("${dsr.audit.seal-lookback:10m}") Duration lookback) {
        this(resolver.resolve(dataSource), meters, lookback);
    }

    public AuditChain(DataSource dataSource, MeterRegistry meters, Duration lookback) {
        this.dataSource = dataSource;
        this.lookback = lookback;
        Gauge.builder("dsr.audit.chain.intact", intact, AtomicLong::get)
                .description("1 when the last check found the audit chain intact, 0 when broken, -1 before a check")
                .register(meters);
        Gauge.builder("dsr.audit.chain.first.broken.position", firstBroken, AtomicLong::get)
                .description("The first broken audit chain position the last check found (0 when intact)")
                .register(meters);
    }

    @Scheduled(fixedDelay = "${dsr.audit.seal-interval:5s}", initialDelay = "${dsr.audit.seal-initial-delay:5s}")
    void sealOnSchedule() {
        try {
            seal();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not seal audit entries; will try again: {}", SafeThrowables.summary(e));
        }
    }

    @Scheduled(cron = "${dsr.audit.check-cron:0 15 3 * * *}")
    void checkOnSchedule() {
        try {
            check();
        } catch (SQLException | RuntimeException e) {
            LOG.error("Could not check the audit chain: {}", SafeThrowables.summary(e));
        }
    }

    /**
     * Seals the entries committed since the last seal (looking back for late commits); returns how many. Does
     * nothing when another replica is sealing.
     */
    public int seal() throws SQLException {
        return seal(false);
    }

    /** Seals every entry not yet sealed, however old, waiting for another sealer to finish first. */
    public int sealAll() throws SQLException {
        return seal(true);
    }

    /** Seals whatever is left, then verifies the chain, and reports what it found (log and metrics). */
    public ChainCheck check() throws SQLException {
        sealAll();
        ChainCheck found = verify();
        intact.set(found.intact() ? 1 : 0);
        firstBroken.set(found.intact() ? 0 : found.firstBroken());
        if (found.intact()) {
            LOG.info("Audit chain intact: positions {} to {}, head hash {}", found.checkedFrom(), found.head(),
                    found.headHash());
        } else {
            LOG.error("Audit chain broken at position {} (entry seq {}): {}; positions before it are intact",
                    found.firstBroken(), found.brokenEntry(), found.problem());
        }
        return found;
    }

    private int seal(boolean everything) throws SQLException {
        int sealed = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!lock(connection, everything)) {
                    connection.rollback();
                    return 0;
                }
                Position last = lastPosition(connection);
                Timestamp since = everything || last.sealedAt == null ? null
                        : Timestamp.from(last.sealedAt.toInstant().minus(lookback));
                List<Seal> seals;
                do {
                    seals = nextSeals(connection, last, since);
                    insert(connection, seals);
                    sealed += seals.size();
                    if (!seals.isEmpty()) {
                        Seal newest = seals.get(seals.size() - 1);
                        last = new Position(newest.chainNo, newest.hash, last.sealedAt);
                    }
                } while (seals.size() == BATCH);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
        return sealed;
    }

    private static boolean lock(Connection connection, boolean wait) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(wait ? WAIT_FOR_LOCK : LOCK)) {
            return wait || (result.next() && result.getBoolean(1));
        }
    }

    private record Position(long chainNo, byte[] hash, Timestamp sealedAt) {
    }

    private record Seal(long chainNo, long entrySeq, byte[] hash) {
    }

    /** The newest seal; after a purge that left none, the newest anchor; else the start of the chain. */
    private static Position lastPosition(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet seal = statement.executeQuery(
                    "SELECT chain_no, hash, sealed_at FROM dsr_kit.audit_seal ORDER BY chain_no DESC LIMIT 1")) {
                if (seal.next()) {
                    return new Position(seal.getLong(1), seal.getBytes(2), seal.getTimestamp(3));
                }
            }
            Position anchor = anchor(statement);
            return anchor != null ? anchor : new Position(0, AuditHash.GENESIS, null);
        }
    }

    private static Position anchor(Statement statement) throws SQLException {
        try (ResultSet anchor = statement.executeQuery(
                "SELECT chain_no, hash FROM dsr_kit.audit_anchor ORDER BY chain_no DESC LIMIT 1")) {
            return anchor.next() ? new Position(anchor.getLong(1), anchor.getBytes(2), null) : null;
        }
    }

    private static List<Seal> nextSeals(Connection connection, Position last, Timestamp since) throws SQLException {
        String sql = "SELECT " + AuditHash.COLUMNS + " FROM dsr_kit.audit_entry e WHERE "
                + (since == null ? "" : "e.recorded_at >= ? AND ")
                + "NOT EXISTS (SELECT 1 FROM dsr_kit.audit_seal s WHERE s.entry_seq = e.seq)"
                + " ORDER BY e.seq LIMIT " + BATCH;
        List<Seal> seals = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            if (since != null) {
                select.setTimestamp(1, since);
            }
            try (ResultSet rows = select.executeQuery()) {
                long chainNo = last.chainNo;
                byte[] previous = last.hash;
                while (rows.next()) {
                    byte[] hash = AuditHash.of(previous, rows, 1);
                    seals.add(new Seal(++chainNo, rows.getLong(1), hash));
                    previous = hash;
                }
            }
        }
        return seals;
    }

    private static void insert(Connection connection, List<Seal> seals) throws SQLException {
        if (seals.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO dsr_kit.audit_seal (chain_no, entry_seq, hash) VALUES ");
        for (int i = 0; i < seals.size(); i++) {
            sql.append(i == 0 ? "(?, ?, ?)" : ", (?, ?, ?)");
        }
        try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
            int parameter = 1;
            for (Seal seal : seals) {
                insert.setLong(parameter++, seal.chainNo);
                insert.setLong(parameter++, seal.entrySeq);
                insert.setBytes(parameter++, seal.hash);
            }
            insert.executeUpdate();
        }
    }

    /** Walks the chain from the last anchor (or its start) and reports the first broken position, if any. */
    public ChainCheck verify() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (Statement statement = connection.createStatement()) {
                Position anchor = anchor(statement);
                long from = anchor == null ? 0 : anchor.chainNo;
                byte[] previous = anchor == null ? AuditHash.GENESIS : anchor.hash;
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT s.chain_no, s.entry_seq, s.hash, " + AuditHash.COLUMNS + " FROM dsr_kit.audit_seal s"
                                + " LEFT JOIN dsr_kit.audit_entry e ON e.seq = s.entry_seq WHERE s.chain_no > ?"
                                + " ORDER BY s.chain_no")) {
                    select.setFetchSize(BATCH);
                    select.setLong(1, from);
                    long expected = from + 1;
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            long chainNo = rows.getLong(1);
                            long entrySeq = rows.getLong(2);
                            if (chainNo != expected) {
                                return broken(from, expected, null, "POSITION_MISSING");
                            }
                            if (rows.getObject(4) == null) {
                                return broken(from, chainNo, entrySeq, "ENTRY_MISSING");
                            }
                            byte[] stored = rows.getBytes(3);
                            if (!Arrays.equals(stored, AuditHash.of(previous, rows, 4))) {
                                return broken(from, chainNo, entrySeq, "ENTRY_CHANGED");
                            }
                            previous = stored;
                            expected++;
                        }
                    }
                    return new ChainCheck(true, from + 1, expected - 1, HexFormat.of().formatHex(previous), null,
                            null, null);
                }
            } finally {
                connection.rollback();
            }
        }
    }

    private static ChainCheck broken(long from, long position, Long entrySeq, String problem) {
        return new ChainCheck(false, from + 1, position - 1, null, position, entrySeq, problem);
    }
}
