package org.opendsr.kit.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.opendsr.kit.observability.SafeThrowables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the leading relay, after a transaction that wrote outbox rows has committed, that there is something to
 * publish. It replaces the old AFTER INSERT trigger, whose {@code pg_notify} ran inside the writer's transaction:
 * PostgreSQL serialises every NOTIFYing commit on one server-wide lock held across the commit's fsync, so under load
 * each writer waited for the others' fsyncs (issue 10).
 *
 * <ul>
 *   <li>When this replica's relay leads, it is woken in-process: no database round trip at all.</li>
 *   <li>Otherwise one {@code NOTIFY} goes from a separate pooled connection on a background thread, never the
 *       writer's connection nor the request thread, with {@code synchronous_commit = off} so that it holds the
 *       notification lock without waiting for an fsync. Notifications are coalesced: while one is queued, further
 *       commits add nothing, so a burst of commits costs a couple of notifications.</li>
 *   <li>Nothing here can fail the writer: its transaction has already committed, and a lost wake-up only delays
 *       publishing until the relay's short poll ({@code dsr.outbox.poll-interval}) finds the rows.</li>
 * </ul>
 */
@Singleton
public class OutboxWakeUp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWakeUp.class);

    private final DataSource dataSource;
    private final AtomicBoolean notificationQueued = new AtomicBoolean();
    private final ExecutorService notifier = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-notify");
        thread.setDaemon(true);
        return thread;
    });
    private final Counter inProcess;
    private final Counter notified;
    private volatile OutboxRelay localRelay;

    public OutboxWakeUp(DataSource dataSource, DataSourceResolver resolver, MeterRegistry meters) {
        // The pool itself, not the transaction-aware proxy: the notification must never join the writer's transaction.
        this.dataSource = resolver.resolve(dataSource);
        this.inProcess = Counter.builder("dsr.outbox.wakeups").tag("via", "in-process")
                .description("Relay wake-ups after an outbox write committed").register(meters);
        this.notified = Counter.builder("dsr.outbox.wakeups").tag("via", "notify")
                .description("Relay wake-ups after an outbox write committed").register(meters);
    }

    /** The relay this replica runs (leading or on standby), or null when it runs none. */
    void register(OutboxRelay relay) {
        this.localRelay = relay;
    }

    void unregister(OutboxRelay relay) {
        if (localRelay == relay) {
            localRelay = null;
        }
    }

    /** Called after a transaction that appended outbox rows committed. Returns at once. */
    public void committed() {
        OutboxRelay relay = localRelay;
        if (relay != null && relay.isLeading()) {
            relay.wake();
            inProcess.increment();
            return;
        }
        if (notificationQueued.compareAndSet(false, true)) {
            try {
                notifier.execute(this::notifyLeader);
            } catch (RejectedExecutionException e) {
                notificationQueued.set(false); // shutting down: the leader's poll finds the rows
            }
        }
    }

    private void notifyLeader() {
        // Cleared before sending: a commit from now on needs a notification of its own, because this one may reach
        // the leader before that commit is visible to it.
        notificationQueued.set(false);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL synchronous_commit = off");
                statement.execute("SELECT pg_notify('" + OutboxRelay.CHANNEL + "', '')");
                connection.commit();
                notified.increment();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Could not notify the outbox relay; its poll will find the events: {}", SafeThrowables.summary(e));
        }
    }

    @PreDestroy
    @Override
    public void close() {
        notifier.shutdown();
    }
}
