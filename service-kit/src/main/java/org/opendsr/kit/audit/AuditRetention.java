package org.opendsr.kit.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import io.micronaut.context.annotation.Value;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.opendsr.kit.observability.SafeThrowables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention of the audit trail itself: entries that occurred more than {@code dsr.audit.retention} ago (default
 * 8 years, {@code DSR_AUDIT_RETENTION}) are purged, only from the oldest end of the chain and only once sealed.
 *
 * <p>Why 8 years: the NHS England Records Management Code of Practice (2023) keeps adult health and care records
 * 8 years after the last entry, and an audit trail as long as the record it describes. A register of children's
 * records (kept until their 25th or 26th birthday) or a local policy may need longer: raise it, never lower it
 * below the records it audits.
 *
 * <p>How the chain stays verifiable: the purge first writes an anchor (the position and hash of the last seal it
 * removes; the database checks it copies a real seal), then deletes the entries and seals the anchor covers: the
 * database refuses to delete anything else. The check then starts from the newest anchor.
 */
@Singleton
public class AuditRetention {

    private static final Logger LOG = LoggerFactory.getLogger(AuditRetention.class);

    private final DataSource dataSource;
    private final Period retention;
    private final Clock clock;

    @Inject
    public AuditRetention(DataSource dataSource, DataSourceResolver resolver,
                          @Value("${dsr.audit.retention:P8Y}") String retention) {
        // An ISO-8601 period (P8Y, P10Y6M): years, as the Code of Practice counts them, not a number of days.
        this(resolver.resolve(dataSource), Period.parse(retention), Clock.systemUTC());
    }

    public AuditRetention(DataSource dataSource, Period retention, Clock clock) {
        this.dataSource = dataSource;
        this.retention = retention;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${dsr.audit.purge-interval:1d}", initialDelay = "${dsr.audit.purge-initial-delay:10m}")
    void purgeOnSchedule() {
        try {
            purge();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not purge the audit trail's oldest entries; will try again: {}",
                    SafeThrowables.summary(e));
        }
    }

    /** Purges the sealed entries at the oldest end of the chain that occurred before the retention; how many. */
    public long purge() throws SQLException {
        Instant cutoff = clock.instant().atOffset(ZoneOffset.UTC).minus(retention).toInstant();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                long purged = purge(connection, cutoff);
                connection.commit();
                if (purged > 0) {
                    LOG.info("Purged {} audit entries older than {}", purged, retention);
                }
                return purged;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static long purge(Connection connection, Instant cutoff) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // One sealer or purge at a time: the chain's newest positions must not move under us.
            statement.execute("SELECT pg_advisory_xact_lock(hashtext('dsr_kit.audit_seal'))");
        }
        // The oldest end: every position before the first one whose entry is still within the retention.
        long anchorAt;
        try (PreparedStatement last = connection.prepareStatement(
                "SELECT coalesce((SELECT min(s.chain_no) FROM dsr_kit.audit_seal s JOIN dsr_kit.audit_entry e"
                        + " ON e.seq = s.entry_seq WHERE e.occurred_at >= ?),"
                        + " (SELECT max(chain_no) + 1 FROM dsr_kit.audit_seal)) - 1,"
                        + " (SELECT coalesce(max(chain_no), 0) FROM dsr_kit.audit_anchor)")) {
            last.setTimestamp(1, Timestamp.from(cutoff));
            try (ResultSet row = last.executeQuery()) {
                row.next();
                anchorAt = row.getLong(1);
                if (row.wasNull() || anchorAt <= row.getLong(2)) {
                    return 0;
                }
            }
        }
        try (PreparedStatement anchor = connection.prepareStatement(
                "INSERT INTO dsr_kit.audit_anchor (chain_no, hash, purged_entries, last_occurred_at)"
                        + " SELECT s.chain_no, s.hash, (SELECT count(*) FROM dsr_kit.audit_seal p WHERE p.chain_no <= ?),"
                        + " (SELECT max(e.occurred_at) FROM dsr_kit.audit_seal p JOIN dsr_kit.audit_entry e"
                        + " ON e.seq = p.entry_seq WHERE p.chain_no <= ?)"
                        + " FROM dsr_kit.audit_seal s WHERE s.chain_no = ?")) {
            anchor.setLong(1, anchorAt);
            anchor.setLong(2, anchorAt);
            anchor.setLong(3, anchorAt);
            anchor.executeUpdate();
        }
        long purged;
        try (PreparedStatement entries = connection.prepareStatement(
                "DELETE FROM dsr_kit.audit_entry e USING dsr_kit.audit_seal s"
                        + " WHERE s.entry_seq = e.seq AND s.chain_no <= ?")) {
            entries.setLong(1, anchorAt);
            purged = entries.executeUpdate();
        }
        try (PreparedStatement seals = connection.prepareStatement(
                "DELETE FROM dsr_kit.audit_seal WHERE chain_no <= ?")) {
            seals.setLong(1, anchorAt);
            seals.executeUpdate();
        }
        return purged;
    }

}
