package org.opendsr.kit.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.opendsr.kit.messaging.CloudEventCodec;
import org.opendsr.kit.observability.SafeThrowables;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes committed outbox rows to Kafka in the order they were written, then marks them published.
 *
 * <ul>
 *   <li><b>One active relay per database.</b> Only the holder of a PostgreSQL session advisory lock publishes;
 *       other replicas wait on standby. The lock goes with the holder's connection, so a crashed relay hands
 *       over without any timeout to tune. One publisher keeps per-person order across replicas.</li>
 *   <li><b>At least once.</b> A row is marked only after Kafka acknowledged it (idempotent producer, acks=all).
 *       A crash between the two republishes it; consumers drop the duplicate by event id.</li>
 *   <li><b>Prompt.</b> Each outbox insert notifies on commit (LISTEN/NOTIFY), so an event normally leaves within
 *       milliseconds; a short poll covers anything a notification missed.</li>
 *   <li><b>Patient.</b> While the broker is unavailable rows simply wait, and the relay retries with backoff.</li>
 * </ul>
 */
public final class OutboxRelay implements Runnable {

    /** Advisory lock key: "dsr outbox relay". Advisory locks are per database, so one key serves every service. */
    static final long LEADERSHIP_LOCK = 0x4453524F5554424CL;
    static final String CHANNEL = "dsr_outbox_event";

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    private final String name;
    private final DataSource dataSource;
    private final Supplier<Producer<String, byte[]>> producers;
    private final Settings settings;
    private final PublishObserver observer;
    private final Clock clock;
    private final Timer publishLag;
    private final MeterRegistry meters;

    private volatile boolean running = true;
    private volatile boolean leading;
    private volatile Thread thread;
    private Producer<String, byte[]> producer;
    private Instant nextPurge = Instant.MIN;

    /**
     * @param pollInterval     longest wait between looks at the outbox when no notification arrives
     * @param batchSize        rows read and sent per round
     * @param retention        how long published rows are kept (for inspection and replay) before purging
     * @param purgeInterval    how often published rows past retention are deleted
     * @param standbyInterval  how often a standby relay tries to take over
     * @param maxBackoff       longest wait between attempts while the broker or database is unavailable
     */
    public record Settings(Duration pollInterval, int batchSize, Duration retention, Duration purgeInterval,
                           Duration standbyInterval, Duration maxBackoff) {

        public static Settings defaults() {
            return new Settings(Duration.ofMillis(500), 500, Duration.ofDays(7), Duration.ofHours(1),
                    Duration.ofSeconds(2), Duration.ofSeconds(10));
        }
    }

    /** Test seam: sees every batch after Kafka acknowledged it and before it is marked published. */
    public interface PublishObserver {
        PublishObserver NONE = ids -> { };

        void acknowledged(List<UUID> eventIds);
    }

    public OutboxRelay(String name, DataSource dataSource, Supplier<Producer<String, byte[]>> producers,
                       Settings settings, PublishObserver observer, MeterRegistry meters, Clock clock) {
        this.name = name;
        this.dataSource = dataSource;
        this.producers = producers;
        this.settings = settings;
        this.observer = observer;
        this.meters = meters;
        this.clock = clock;
        this.publishLag = Timer.builder("dsr.outbox.publish.lag")
                .description("Time from an outbox row's commit to Kafka's acknowledgement of its event")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(meters);
    }

    /** Starts the relay on its own thread. */
    public OutboxRelay start() {
        Thread started = new Thread(this, "outbox-relay-" + name);
        started.setDaemon(true);
        thread = started;
        started.start();
        return this;
    }

    public boolean isLeading() {
        return leading;
    }

    public boolean isAlive() {
        Thread current = thread;
        return current != null && current.isAlive();
    }

    /** Stops publishing, releases leadership and closes the producer. */
    public void stop() {
        running = false;
        Thread current = thread;
        if (current != null) {
            current.interrupt();
            try {
                current.join(TimeUnit.SECONDS.toMillis(15));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void run() {
        Duration backoff = Duration.ofMillis(100);
        try {
            while (running) {
                try (Connection connection = dataSource.getConnection();
                     Leadership leadership = new Leadership(connection)) {
                    connection.setAutoCommit(true);
                    if (!leadership.take()) {
                        pause(settings.standbyInterval());
                        continue;
                    }
                    LOG.info("Outbox relay {} is publishing", name);
                    listen(connection);
                    PGConnection notifications = connection.unwrap(PGConnection.class);
                    backoff = Duration.ofMillis(100);
                    while (running) {
                        int published = publishBatch(connection);
                        purgeIfDue(connection);
                        if (published < 0) {
                            pause(backoff);
                            backoff = min(backoff.multipliedBy(2), settings.maxBackoff());
                        } else {
                            backoff = Duration.ofMillis(100);
                            if (published < settings.batchSize()) {
                                notifications.getNotifications((int) settings.pollInterval().toMillis());
                            }
                        }
                    }
                } catch (SQLException | RuntimeException e) {
                    if (running) {
                        LOG.warn("Outbox relay {} lost its database connection; retrying: {}", name,
                                SafeThrowables.summary(e));
                        pause(backoff);
                        backoff = min(backoff.multipliedBy(2), settings.maxBackoff());
                    }
                } finally {
                    leading = false;
                }
            }
        } finally {
            closeProducer();
        }
    }

    /**
     * The advisory lock and LISTEN belong to the database session, and the session outlives this use of a pooled
     * connection: both are given back explicitly when the relay stops or fails, so that a standby can take over at
     * once. If the process dies instead, the server ends the session and releases them itself.
     */
    private final class Leadership implements AutoCloseable {
        private final Connection connection;

        Leadership(Connection connection) {
            this.connection = connection;
        }

        boolean take() throws SQLException {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                lock.setLong(1, LEADERSHIP_LOCK);
                try (ResultSet result = lock.executeQuery()) {
                    result.next();
                    leading = result.getBoolean(1);
                    return leading;
                }
            }
        }

        @Override
        public void close() {
            leading = false;
            try (Statement release = connection.createStatement()) {
                release.execute("UNLISTEN *");
                release.execute("SELECT pg_advisory_unlock_all()");
            } catch (SQLException e) {
                // A broken connection is discarded by the pool, which ends the session and its lock with it.
                LOG.debug("Could not release the relay's session state: {}", SafeThrowables.summary(e));
            }
        }
    }

    private static void listen(Connection connection) throws SQLException {
        try (Statement listen = connection.createStatement()) {
            listen.execute("LISTEN " + CHANNEL);
        }
    }

    /** Publishes one batch. Returns how many rows were published, or -1 if the broker failed. */
    private int publishBatch(Connection connection) throws SQLException {
        List<PendingEvent> batch = readBatch(connection);
        if (batch.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
        try {
            Producer<String, byte[]> current = producer();
            for (PendingEvent event : batch) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic(), event.key(), event.cloudEvent());
                record.headers().add("content-type", CloudEventCodec.CONTENT_TYPE.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                Future<RecordMetadata> send = current.send(record);
                sends.add(send);
                if (refusedOutright(send)) {
                    // Refused before it got a sequence number (e.g. no metadata while the broker is down): a later
                    // event of the same person sent now could overtake it. Stop here; the rest waits for next round.
                    break;
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Outbox relay {} could not hand events to the producer: {}", name, SafeThrowables.summary(e));
            // Whatever was handed over before the failure may still be acknowledged below.
        }
        List<UUID> acknowledged = new ArrayList<>(batch.size());
        Set<String> failedKeys = new HashSet<>();
        boolean failed = sends.size() < batch.size();
        for (int i = 0; i < batch.size(); i++) {
            PendingEvent event = batch.get(i);
            if (i >= sends.size()) {
                break;
            }
            try {
                sends.get(i).get(settings.maxBackoff().toMillis() + 60_000, TimeUnit.MILLISECONDS);
                acknowledged.add(event.id());
                publishLag.record(Duration.between(event.createdAt(), clock.instant()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed = true;
                break;
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                failed = true;
                failedKeys.add(event.key());
            }
        }
        if (!acknowledged.isEmpty()) {
            observer.acknowledged(acknowledged);
            markPublished(connection, acknowledged);
            meters.counter("dsr.outbox.published").increment(acknowledged.size());
        }
        if (failed) {
            meters.counter("dsr.outbox.publish.failures").increment();
            LOG.warn("Outbox relay {} could not publish {} event(s) (keys affected: {}); they stay in the outbox",
                    name, batch.size() - acknowledged.size(), failedKeys.size());
            // A producer that failed may hold sequence state for records that will never be acknowledged;
            // a fresh one starts clean.
            closeProducer();
            return -1;
        }
        return acknowledged.size();
    }

    private static boolean refusedOutright(Future<RecordMetadata> send) {
        if (!send.isDone()) {
            return false;
        }
        try {
            send.get();
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private List<PendingEvent> readBatch(Connection connection) throws SQLException {
        List<PendingEvent> batch = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, aggregateid, type, topic, payload::text, correlation_id, created_at "
                        + "FROM dsr_kit.outbox_event WHERE published_at IS NULL ORDER BY position LIMIT ?")) {
            select.setInt(1, settings.batchSize());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    String key = rows.getString(2);
                    Instant createdAt = rows.getTimestamp(7).toInstant();
                    byte[] cloudEvent = CloudEventCodec.write(new CloudEventCodec.OutgoingEvent(
                            id.toString(), rows.getString(3), key, createdAt,
                            rows.getString(5).getBytes(java.nio.charset.StandardCharsets.UTF_8), rows.getString(6)));
                    batch.add(new PendingEvent(id, key, rows.getString(4), cloudEvent, createdAt));
                }
            }
        }
        return batch;
    }

    private static void markPublished(Connection connection, List<UUID> ids) throws SQLException {
        try (PreparedStatement mark = connection.prepareStatement(
                "UPDATE dsr_kit.outbox_event SET published_at = clock_timestamp() WHERE id = ANY (?)")) {
            Array array = connection.createArrayOf("uuid", ids.toArray());
            mark.setArray(1, array);
            mark.executeUpdate();
        }
    }

    private void purgeIfDue(Connection connection) throws SQLException {
        Instant now = clock.instant();
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(settings.purgeInterval());
        try (PreparedStatement purge = connection.prepareStatement(
                "DELETE FROM dsr_kit.outbox_event WHERE published_at IS NOT NULL AND published_at < ?")) {
            purge.setTimestamp(1, java.sql.Timestamp.from(now.minus(settings.retention())));
            int purged = purge.executeUpdate();
            if (purged > 0) {
                LOG.info("Outbox relay {} purged {} published event(s) older than {}", name, purged, settings.retention());
            }
        }
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = producers.get();
        }
        return producer;
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.debug("Closing the relay producer failed", e);
            }
            producer = null;
        }
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private record PendingEvent(UUID id, String key, String topic, byte[] cloudEvent, Instant createdAt) {
    }
}
