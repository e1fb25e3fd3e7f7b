package org.opendsr.kit.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.opendsr.kit.observability.SafeThrowables;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LISTENs for the coalesced notifications other replicas send after their commits ({@link OutboxWakeUp}) and rings
 * the leading relay's doorbell. It runs on its own thread and its own connection because a PostgreSQL connection
 * cannot wait for notifications while the relay uses it to read and mark rows, and because the relay must also be
 * woken in-process, which a blocking read on the relay's own socket could not notice.
 */
final class NotificationListener implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationListener.class);
    /** How long one read waits; bounds how long stopping takes. */
    private static final int READ_MILLIS = 250;

    private final String name;
    private final DataSource dataSource;
    private final RelayDoorbell doorbell;
    private final CountDownLatch firstListen = new CountDownLatch(1);
    private volatile boolean listening = true;
    private Thread thread;

    NotificationListener(String name, DataSource dataSource, RelayDoorbell doorbell) {
        this.name = name;
        this.dataSource = dataSource;
        this.doorbell = doorbell;
    }

    /** Starts listening; returns once LISTEN took effect, or after a short while if the database is slow. */
    NotificationListener start() {
        thread = new Thread(this, "outbox-listen-" + name);
        thread.setDaemon(true);
        thread.start();
        try {
            firstListen.await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the relay is stopping; its loop sees the flag
        }
        return this;
    }

    void stop() {
        listening = false;
        try {
            thread.join(Duration.ofSeconds(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        while (listening) {
            try (Connection connection = dataSource.getConnection();
                 Statement listen = connection.createStatement()) {
                connection.setAutoCommit(true);
                listen.execute("LISTEN " + OutboxRelay.CHANNEL);
                firstListen.countDown();
                // Rows committed before LISTEN took effect are found by the relay's own read after it starts leading.
                PGConnection notifications = connection.unwrap(PGConnection.class);
                try {
                    while (listening) {
                        PGNotification[] received = notifications.getNotifications(READ_MILLIS);
                        if (received != null && received.length > 0) {
                            doorbell.ring();
                        }
                    }
                } finally {
                    listen.execute("UNLISTEN *");
                }
            } catch (SQLException | RuntimeException e) {
                if (listening) {
                    // The relay's poll still finds every row; only promptness for other replicas' writes suffers.
                    LOG.debug("Outbox relay {} stopped listening for a moment: {}", name, SafeThrowables.summary(e));
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        }
    }
}
