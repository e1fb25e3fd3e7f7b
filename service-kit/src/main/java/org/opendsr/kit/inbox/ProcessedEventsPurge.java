package org.opendsr.kit.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

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
 * Forgets processed event ids after {@code dsr.inbox.retention} (default 90 days), so the idempotent consumer's
 * memory does not grow for ever.
 *
 * <p>An id may only be forgotten once its event can no longer be delivered again: after that, a redelivery would
 * be applied a second time. Topics keep events for days (Kafka's default is 7), and an operator may replay a
 * dead-letter topic or rewind a group some weeks later; 90 days is well beyond both. Raise it if a topic keeps
 * events longer, or if replays from further back are part of your runbook.
 *
 * <p>Every replica may run it: deleting is idempotent. It deletes in bounded chunks so that no run holds locks
 * on many rows at once.
 */
@Singleton
public class ProcessedEventsPurge {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessedEventsPurge.class);
    private static final int CHUNK = 10_000;

    private final DataSource dataSource;
    private final Duration retention;
    private final Clock clock;

    @Inject
    public ProcessedEventsPurge(DataSource dataSource, DataSourceResolver resolver,
                                @Value("${dsr.inbox.retention:90d}") Duration retention) {
        this(resolver.resolve(dataSource), retention, Clock.systemUTC());
    }

    ProcessedEventsPurge(DataSource dataSource, Duration retention, Clock clock) {
        this.dataSource = dataSource;
        this.retention = retention;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${dsr.inbox.purge-interval:1h}", initialDelay = "${dsr.inbox.purge-initial-delay:5m}")
    void purgeOnSchedule() {
        try {
            purge();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not purge processed event ids; will try again: {}", SafeThrowables.summary(e));
        }
    }

    /** Deletes the ids recorded before the retention period; returns how many. */
    public int purge() throws SQLException {
        Instant cutoff = clock.instant().minus(retention);
        int purged = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM dsr_kit.processed_event WHERE ctid IN (SELECT ctid FROM dsr_kit.processed_event "
                             + "WHERE processed_at < ? LIMIT " + CHUNK + ")")) {
            connection.setAutoCommit(true);
            delete.setTimestamp(1, Timestamp.from(cutoff));
            int deleted;
            do {
                deleted = delete.executeUpdate();
                purged += deleted;
            } while (deleted == CHUNK);
        }
        if (purged > 0) {
            LOG.info("Purged {} processed event id(s) older than {}", purged, retention);
        }
        return purged;
    }
}
