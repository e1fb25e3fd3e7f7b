package org.opendsr.kit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendsr.kit.schema.KitSchemaMigration;
import org.opendsr.testkit.DatabaseCoordinates;
import org.opendsr.testkit.RealPostgres;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The audit trail cannot be altered through SQL, and what gets past the database's refusal (someone who disables
 * the triggers, as the owner or a superuser can) is found by the chain check. Each test has a fresh database.
 */
class AuditChainTest {

    private PGSimpleDataSource dataSource;
    private SimpleMeterRegistry meters;
    private AuditChain chain;

    @BeforeEach
    void freshDatabase() {
        DatabaseCoordinates database = RealPostgres.get().newDatabase("audit");
        dataSource = new PGSimpleDataSource();
        dataSource.setURL(database.jdbcUrl());
        dataSource.setUser(database.username());
        dataSource.setPassword(database.password());
        KitSchemaMigration.migrate(dataSource);
        meters = new SimpleMeterRegistry();
        chain = new AuditChain(dataSource, meters, Duration.ofMinutes(10));
    }

    @Test
    void anEntryCannotBeUpdatedDeletedOrTruncated() throws SQLException {
        long seq = write(Instant.now());
        chain.seal();

        for (String statement : List.of(
                "UPDATE dsr_kit.audit_entry SET what = 'nothing to see' WHERE seq = " + seq,
                "DELETE FROM dsr_kit.audit_entry WHERE seq = " + seq,
                "TRUNCATE dsr_kit.audit_entry",
                "UPDATE dsr_kit.audit_seal SET hash = '\\x00'",
                "DELETE FROM dsr_kit.audit_seal",
                "TRUNCATE dsr_kit.audit_seal CASCADE")) {
            assertThatThrownBy(() -> execute(statement)).as(statement)
                    .hasMessageContaining("the audit trail is append-only");
        }
        assertThat(count("SELECT count(*) FROM dsr_kit.audit_entry")).isOne();
        assertThat(chain.check().intact()).isTrue();
        assertThat(meters.get("dsr.audit.chain.intact").gauge().value()).isEqualTo(1.0);
    }

    @Test
    void anEntryChangedBehindTheTriggersIsFoundAtItsPosition() throws SQLException {
        for (int i = 0; i < 5; i++) {
            write(Instant.now());
        }
        chain.seal();
        long third = seqAt(3);

        asSuperuserWithoutTriggers("UPDATE dsr_kit.audit_entry SET outcome = 'REFUSED', what = 'nothing to see'"
                + " WHERE seq = " + third);

        ChainCheck found = chain.check();
        assertThat(found.intact()).isFalse();
        assertThat(found.firstBroken()).isEqualTo(3);
        assertThat(found.brokenEntry()).isEqualTo(third);
        assertThat(found.problem()).isEqualTo("ENTRY_CHANGED");
        assertThat(meters.get("dsr.audit.chain.intact").gauge().value()).isZero();
        assertThat(meters.get("dsr.audit.chain.first.broken.position").gauge().value()).isEqualTo(3.0);
    }

    @Test
    void aDeletedEntryOrADeletedPositionIsAGap() throws SQLException {
        for (int i = 0; i < 6; i++) {
            write(Instant.now());
        }
        chain.seal();

        asSuperuserWithoutTriggers("DELETE FROM dsr_kit.audit_seal WHERE chain_no = 5");
        ChainCheck positionGone = chain.check();
        assertThat(positionGone.problem()).isEqualTo("POSITION_MISSING");
        assertThat(positionGone.firstBroken()).isEqualTo(5);

        asSuperuserWithoutTriggers("DELETE FROM dsr_kit.audit_entry WHERE seq = " + seqAt(2));
        ChainCheck entryGone = chain.verify();
        assertThat(entryGone.problem()).isEqualTo("ENTRY_MISSING");
        assertThat(entryGone.firstBroken()).isEqualTo(2);
    }

    @Test
    void twoReplicasWritingAndSealingAtOnceKeepOneValidChain() throws Exception {
        int perWriter = 150;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int writer = 0; writer < 2; writer++) {
                work.add(pool.submit((Callable<Void>) () -> {
                    for (int i = 0; i < perWriter; i++) {
                        writeInTransaction(Instant.now(), i % 7 == 0);
                    }
                    return null;
                }));
            }
            List<Future<Integer>> sealers = new ArrayList<>();
            for (int sealer = 0; sealer < 2; sealer++) {
                sealers.add(pool.submit(() -> {
                    int sealed = 0;
                    while (work.stream().anyMatch(w -> !w.isDone())) {
                        sealed += chain.seal();
                    }
                    return sealed;
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
            for (Future<Integer> sealer : sealers) {
                sealer.get();
            }
        } finally {
            pool.shutdownNow();
        }

        ChainCheck found = chain.check();
        long written = count("SELECT count(*) FROM dsr_kit.audit_entry");
        assertThat(found.intact()).isTrue();
        assertThat(found.head()).isEqualTo(written);
        assertThat(count("SELECT count(*) FROM dsr_kit.audit_entry e WHERE NOT EXISTS"
                + " (SELECT 1 FROM dsr_kit.audit_seal s WHERE s.entry_seq = e.seq)")).isZero();
    }

    @Test
    void retentionPurgesTheOldestEndOnlyAndLeavesAnAnchoredChain() throws SQLException {
        Instant now = Instant.parse("2026-12-04T12:00:00Z");
        long old1 = write(now.minus(Duration.ofDays(9 * 366)));
        long old2 = write(now.minus(Duration.ofDays(8 * 366)));
        long kept = write(now.minus(Duration.ofDays(7 * 365)));
        long recent = write(now);
        chain.seal();
        AuditRetention retention = new AuditRetention(dataSource, Period.ofYears(8),
                Clock.fixed(now, ZoneOffset.UTC));

        assertThat(retention.purge()).isEqualTo(2);

        assertThat(seqs()).containsExactly(kept, recent).doesNotContain(old1, old2);
        assertThat(count("SELECT count(*) FROM dsr_kit.audit_anchor WHERE chain_no = 2")).isOne();
        long later = write(now);
        ChainCheck found = chain.check();
        assertThat(found.intact()).isTrue();
        assertThat(found.checkedFrom()).isEqualTo(3);
        assertThat(found.head()).isEqualTo(5);
        assertThat(seqs()).contains(later);
        // What the anchor does not cover stays undeletable; a purge with nothing old is a no-op.
        assertThatThrownBy(() -> execute("DELETE FROM dsr_kit.audit_entry WHERE seq = " + kept))
                .hasMessageContaining("append-only");
        assertThat(retention.purge()).isZero();
        // An anchor must copy a real seal.
        assertThatThrownBy(() -> execute("INSERT INTO dsr_kit.audit_anchor (chain_no, hash, purged_entries,"
                + " last_occurred_at) VALUES (5, '\\x00', 0, now())")).hasMessageContaining("anchor");
    }

    /** Not a timing assertion: prints what an entry and its sealing cost here, for the record (AuditChain Javadoc). */
    @Test
    void whatSealingCostsPerEntryIsPrinted() throws SQLException {
        int entries = 2000;
        long writing = System.nanoTime();
        for (int i = 0; i < entries; i++) {
            write(Instant.now());
        }
        writing = System.nanoTime() - writing;
        long sealing = System.nanoTime();
        int sealed = chain.seal();
        sealing = System.nanoTime() - sealing;
        long checking = System.nanoTime();
        ChainCheck found = chain.verify();
        checking = System.nanoTime() - checking;

        assertThat(sealed).isEqualTo(entries);
        assertThat(found.intact()).isTrue();
        System.out.printf("audit cost per entry: insert %.3f ms (autocommit), seal %.3f ms, verify %.3f ms%n",
                writing / 1e6 / entries, sealing / 1e6 / entries, checking / 1e6 / entries);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private long write(Instant occurredAt) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return insert(connection, occurredAt, false);
        }
    }

    /** As a service writes an entry: inside a transaction that does other work and commits a little later. */
    private void writeInTransaction(Instant occurredAt, boolean withChange) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            insert(connection, occurredAt, withChange);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_sleep(0.001)");
            }
            connection.commit();
        }
    }

    private static long insert(Connection connection, Instant occurredAt, boolean withChange) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO dsr_kit.audit_entry (occurred_at, actor, actor_roles, action, person_id, what, purpose,"
                        + " outcome, old_values, new_values) VALUES (?, 'subject-1', 'DSR_TEAM', 'READ', ?, 'record',"
                        + " 'DIRECT_CARE', 'ALLOWED', ?::jsonb, ?::jsonb) RETURNING seq")) {
            insert.setTimestamp(1, Timestamp.from(occurredAt));
            insert.setObject(2, UUID.randomUUID());
            insert.setString(3, withChange ? "{\"postcode\": \"SN1 2JH\", \"town\": null}" : null);
            insert.setString(4, withChange ? "{\"postcode\": \"SN2 1AA\", \"town\": \"Swindon\"}" : null);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** What an owner or superuser can do and the runtime role should not: act with the triggers switched off. */
    private void asSuperuserWithoutTriggers(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET session_replication_role = replica");
            statement.execute(sql);
        }
    }

    private long seqAt(long chainNo) throws SQLException {
        return count("SELECT entry_seq FROM dsr_kit.audit_seal WHERE chain_no = " + chainNo);
    }

    private List<Long> seqs() throws SQLException {
        List<Long> seqs = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT seq FROM dsr_kit.audit_entry ORDER BY seq")) {
            while (rows.next()) {
                seqs.add(rows.getLong(1));
            }
        }
        return seqs;
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
