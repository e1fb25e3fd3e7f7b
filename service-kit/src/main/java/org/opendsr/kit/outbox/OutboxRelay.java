package org.opendsr.kit.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.opendsr.kit.messaging.CloudEventCodec;
import org.opendsr.kit.observability.SafeThrowables;
import org.opendsr.kit.observability.TraceContext;
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
 *   <li><b>Prompt.</b> A commit that wrote outbox rows wakes the leader at once: in-process when the writer's
 *       replica leads, otherwise by a coalesced NOTIFY sent after the commit from another connection
 *       ({@link OutboxWakeUp}), which the leader's {@link NotificationListener} hears. Nothing signals inside the
 *       writer's transaction. A short poll covers anything a wake-up missed. Each batch is pipelined, one chain of
 *       acknowledgements per person (see {@link #publishBatch}), and settled without waiting for an fsync.</li>
 *   <li><b>Patient.</b> While the broker is unavailable rows simply wait, and the relay retries with backoff.</li>
 *   <li><b>Not blocked by one bad row.</b> A row refused for what it is, which no retry changes (too large for the
 *       broker, not serialisable, an invalid topic; see {@link PermanentRefusal}), is <em>parked</em>: marked with
 *       {@code parked_at} and {@code park_reason}, logged at ERROR and counted in {@code dsr_outbox_parked_events}.
 *       The same person's later rows wait behind it ({@code dsr_outbox_held_events}) so that their order is never
 *       broken; everyone else's events keep flowing. Alert on either gauge being above zero.</li>
 *   <li><b>Traced.</b> Each event is sent inside a PRODUCER span "publish &lt;topic&gt;", a child of the trace context
 *       stored on its row (the request that wrote it). That span's context goes with the event twice: as the Kafka
 *       header {@code traceparent} (for brokers' and generic tools) and as the CloudEvents distributed-tracing
 *       extension (what the DSR inbox reads, since it survives anything that copies the value alone).</li>
 * </ul>
 *
 * <p><b>Releasing a parked row</b> (operator, in the service's database). Find it with
 * {@code SELECT id, aggregateid, type, park_reason, parked_at FROM dsr_kit.outbox_event
 * WHERE parked_at IS NOT NULL AND published_at IS NULL;}. Once the cause is fixed (e.g. the topic's
 * {@code max.message.bytes} and the producer's {@code max.request.size} raised), retry it with
 * {@code UPDATE dsr_kit.outbox_event SET parked_at = NULL, park_reason = NULL WHERE id = '<id>';}: it is published
 * first, then the rows that waited behind it. If it must be given up instead (agree that with the consumers' owners:
 * they will never see it), discard it with
 * {@code UPDATE dsr_kit.outbox_event SET published_at = clock_timestamp(), park_reason = park_reason || ' (discarded)'
 * WHERE id = '<id>';}: the rows behind it then flow, and it is purged with the published rows.
 */
public final class OutboxRelay implements Runnable {

    /** Advisory lock key: "dsr outbox relay". Advisory locks are per database, so one key serves every service. */
    static final long LEADERSHIP_LOCK = 0x4453524F5554424CL;
    static final String CHANNEL = "dsr_outbox_event";

    /** True for an outbox row {@code e} that waits behind a parked row of the same person. */
    static final String PARKED_BEFORE = "EXISTS (SELECT 1 FROM dsr_kit.outbox_event p WHERE p.aggregateid = e.aggregateid "
            + "AND p.position < e.position AND p.parked_at IS NOT NULL AND p.published_at IS NULL)";

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    private final String name;
    private final DataSource dataSource;
    private final Supplier<Producer<String, byte[]>> producers;
    private final Settings settings;
    private final PublishObserver observer;
    private final Clock clock;
    private final Timer publishLag;
    private final MeterRegistry meters;
    private final Tracer tracer;

    private volatile boolean running = true;
    private volatile boolean leading;
    private volatile Thread thread;
    private final RelayDoorbell doorbell = new RelayDoorbell();
    private final RecordLimits limits;
    private Producer<String, byte[]> producer;
    private Instant nextPurge = Instant.MIN;

    /**
     * @param pollInterval     longest wait between looks at the outbox when no notification arrives
     * @param batchSize        rows read and sent per round
     * @param retention        how long published rows are kept (for inspection and replay) before purging
     * @param purgeInterval    how often published rows past retention are deleted
     * @param standbyInterval  how often a standby relay tries to take over
     * @param maxBackoff       longest wait between attempts while the broker or database is unavailable
     * @param maxRecordBytes   the producer's {@code max.request.size}: a larger record is parked without a send
     *                         (0: no check before sending; the producer's own refusal still parks it)
     */
    public record Settings(Duration pollInterval, int batchSize, Duration retention, Duration purgeInterval,
                           Duration standbyInterval, Duration maxBackoff, int maxRecordBytes) {

        /** The producer's default {@code max.request.size}. */
        public static final int DEFAULT_MAX_RECORD_BYTES = 1_048_576;

        public Settings(Duration pollInterval, int batchSize, Duration retention, Duration purgeInterval,
                        Duration standbyInterval, Duration maxBackoff) {
            this(pollInterval, batchSize, retention, purgeInterval, standbyInterval, maxBackoff,
                    DEFAULT_MAX_RECORD_BYTES);
        }

        public static Settings defaults() {
            return new Settings(Duration.ofMillis(500), 500, Duration.ofDays(7), Duration.ofHours(1),
                    Duration.ofSeconds(2), Duration.ofSeconds(10));
        }

        public Settings withMaxRecordBytes(int bytes) {
            return new Settings(pollInterval, batchSize, retention, purgeInterval, standbyInterval, maxBackoff, bytes);
        }
    }

    /** Test seam: sees each batch's acknowledged events after the batch's last acknowledgement, before they are marked. */
    public interface PublishObserver {
        PublishObserver NONE = ids -> { };

        void acknowledged(List<UUID> eventIds);
    }

    public OutboxRelay(String name, DataSource dataSource, Supplier<Producer<String, byte[]>> producers,
                       Settings settings, PublishObserver observer, MeterRegistry meters, Clock clock) {
        this(name, dataSource, producers, settings, observer, meters, clock, TracerProvider.noop().get("dsr-outbox"));
    }

    public OutboxRelay(String name, DataSource dataSource, Supplier<Producer<String, byte[]>> producers,
                       Settings settings, PublishObserver observer, MeterRegistry meters, Clock clock, Tracer tracer) {
        this.name = name;
        this.tracer = tracer;
        this.dataSource = dataSource;
        this.producers = producers;
        this.settings = settings;
        this.observer = observer;
        this.meters = meters;
        this.clock = clock;
        this.limits = new RecordLimits(settings.maxRecordBytes());
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

    /** Whether this relay holds the leadership lock and is listening for wake-ups. */
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
                    NotificationListener listener = new NotificationListener(name, dataSource, doorbell).start();
                    try {
                        // Said only now, with the listener in place: from here on a write on any replica wakes it.
                        leading = true;
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
                                    waitForWork();
                                }
                            }
                        }
                    } finally {
                        listener.stop();
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
     * The advisory lock belongs to the database session, and the session outlives this use of a pooled
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
                    return result.getBoolean(1);
                }
            }
        }

        @Override
        public void close() {
            leading = false;
            try (Statement release = connection.createStatement()) {
                release.execute("SELECT pg_advisory_unlock_all()");
            } catch (SQLException e) {
                // A broken connection is discarded by the pool, which ends the session and its lock with it.
                LOG.debug("Could not release the relay's session state: {}", SafeThrowables.summary(e));
            }
        }
    }

    /** Waits for a wake-up (in-process or a notification) or the poll interval, whichever comes first. */
    private void waitForWork() {
        try {
            doorbell.await(settings.pollInterval());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /**
     * Rows were committed for this relay to publish: ends its wait at once if it is waiting, or makes its next wait
     * return at once if it is busy. Called by {@link OutboxWakeUp} after a local commit.
     */
    public void wake() {
        doorbell.ring();
    }

    /**
     * Publishes one batch. Returns how many rows were settled (published or parked), or -1 if the broker failed
     * and the relay should back off.
     *
     * <p><b>One chain per person, every person at once.</b> The batch is split by person; every person's first
     * waiting event is sent at once, and each person's next event is sent the moment the previous one is
     * acknowledged, from the acknowledgement itself, without waiting for the rest of the batch or for any database
     * commit. Different people's events are pipelined freely (the topic keeps no order between people), and a batch
     * takes as many broker round trips as its longest chain, not one durable commit per wave as before.
     *
     * <p><b>Why this cannot reorder a person's events.</b> At most one event per person is ever in flight. If an event
     * fails, the idempotent producer may still deliver records queued behind it (it renumbers and retries the
     * batches behind a failed one), but none of them is this person's: the person's next event was never handed to
     * the producer, and after a failure the relay sends nothing new, lets what is in flight finish, closes the
     * producer and retries the failed event first, later, with a fresh one. Kafka transactions per batch would
     * also prevent it, but every consumer would then need {@code read_committed} and each batch a transaction
     * commit on the broker; the chains cost nothing for the common batch, where each person has one event.
     *
     * <p><b>Settled without waiting for the disk.</b> The rows published or parked in the batch are marked in one
     * transaction at its end with {@code synchronous_commit = off}: the commit is visible at once (the next read does
     * not see those rows again) but does not wait for its WAL flush. If PostgreSQL crashes before the flush, the marks
     * are lost and those events are published again, which consumers already tolerate (they drop duplicates by event
     * id, as after a relay crash between publish and mark). Published rows are kept, not deleted, because the
     * retention window ({@code dsr.outbox.retention}) serves inspection and replay; the purge removes them later.
     */
    private int publishBatch(Connection connection) throws SQLException {
        List<PendingEvent> batch = readBatch(connection);
        if (batch.isEmpty()) {
            return 0;
        }
        Map<String, Deque<PendingEvent>> chains = new LinkedHashMap<>();
        for (PendingEvent event : batch) {
            chains.computeIfAbsent(event.key(), key -> new ArrayDeque<>()).add(event);
        }
        BatchRun run = new BatchRun();
        try {
            for (Deque<PendingEvent> chain : chains.values()) {
                sendNext(chain, run);
                // A refusal the producer found inside send() is already queued: while the broker is unreachable
                // each send blocks up to max.block.ms, so stop at the first rather than try every person's event.
                for (Acknowledgement ready = run.acknowledgements.poll(); ready != null;
                     ready = run.acknowledgements.poll()) {
                    handle(ready, run);
                }
                if (run.brokerFailed) {
                    break;
                }
            }
            awaitChains(run);
        } finally {
            // Sent but never acknowledged (interrupted, timed out): the span still ends, as not published.
            for (Span span : run.spans.values()) {
                span.setStatus(StatusCode.ERROR, "not acknowledged");
                span.end();
            }
        }
        if (!run.published.isEmpty()) {
            observer.acknowledged(run.published);
        }
        settle(connection, run);
        int settled = run.published.size() + run.parked.size();
        if (run.brokerFailed) {
            meters.counter("dsr.outbox.publish.failures").increment();
            LOG.warn("Outbox relay {} could not publish {} event(s); they stay in the outbox", name,
                    batch.size() - settled);
            // A producer that failed may hold sequence state for records that will never be acknowledged;
            // a fresh one starts clean.
            closeProducer();
            return -1;
        }
        return settled;
    }

    /** Handles acknowledgements as they come, starting each person's next event, until nothing is in flight. */
    private void awaitChains(BatchRun run) {
        long waitMillis = settings.maxBackoff().toMillis() + 60_000;
        while (run.inFlight > 0) {
            Acknowledgement ack;
            try {
                ack = run.acknowledgements.poll(waitMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                run.brokerFailed = true;
                return;
            }
            if (ack == null) {
                // The producer answers every send within delivery.timeout.ms; silence means it is stuck.
                run.brokerFailed = true;
                return;
            }
            handle(ack, run);
        }
    }

    /** One acknowledgement: the person's next event goes out at once, or the person's chain ends. */
    private void handle(Acknowledgement ack, BatchRun run) {
        run.inFlight--;
        PendingEvent event = ack.chain().removeFirst();
        if (ack.failure() == null) {
            endSpan(run.spans, event, null);
            run.published.add(event.id());
            publishLag.record(Duration.between(event.createdAt(), ack.at()));
            if (!run.brokerFailed && running) {
                sendNext(ack.chain(), run);
            }
            return;
        }
        Throwable failure = ack.failure();
        endSpan(run.spans, event, SafeThrowables.summary(failure));
        Optional<String> permanent = PermanentRefusal.reasonFor(failure);
        if (permanent.isPresent()) {
            run.park(event, permanent.get());
        } else {
            run.brokerFailed = true;
        }
        // Parked or failed: this person's later events must not overtake it.
        ack.chain().clear();
    }

    /**
     * Sends the chain's first event. A row that can never be sent is parked (without a send, when that can be known
     * beforehand) and ends its person's chain; a transient refusal marks the broker failed.
     */
    private void sendNext(Deque<PendingEvent> chain, BatchRun run) {
        PendingEvent event = chain.peekFirst();
        if (event == null) {
            return;
        }
        if (event.unwritable() != null) {
            run.park(event, event.unwritable());
            chain.clear();
            return;
        }
        try {
            Span span = publishSpan(event);
            run.spans.put(event.id(), span);
            ProducerRecord<String, byte[]> record = recordOf(event, span);
            Optional<String> refusal = limits.refusal(record);
            if (refusal.isPresent()) {
                endSpan(run.spans, event, refusal.get());
                run.park(event, refusal.get());
                chain.clear();
                return;
            }
            // The callback may run inside send() (a refusal the producer finds at once) or on the producer's I/O
            // thread; either way it only queues the answer, which this thread handles in awaitChains.
            producer().send(record, (metadata, failure) -> run.acknowledgements.add(
                    new Acknowledgement(chain, failure, clock.instant())));
            run.inFlight++;
        } catch (RuntimeException e) {
            // Thrown by send() itself, so no callback will come.
            endSpan(run.spans, event, SafeThrowables.summary(e));
            Optional<String> permanent = PermanentRefusal.reasonFor(e);
            if (permanent.isPresent()) {
                run.park(event, permanent.get());
                chain.clear();
                return;
            }
            LOG.warn("Outbox relay {} could not hand events to the producer: {}", name, SafeThrowables.summary(e));
            run.brokerFailed = true;
        }
    }

    private ProducerRecord<String, byte[]> recordOf(PendingEvent event, Span span) {
        TraceContext trace = TraceContext.of(span.storeInContext(io.opentelemetry.context.Context.root()));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic(), event.key(),
                CloudEventCodec.write(event.outgoing(trace)));
        record.headers().add("content-type", utf8(CloudEventCodec.CONTENT_TYPE));
        if (trace != null) {
            record.headers().add(TraceContext.TRACEPARENT, utf8(trace.traceparent()));
            if (trace.tracestate() != null) {
                record.headers().add(TraceContext.TRACESTATE, utf8(trace.tracestate()));
            }
        }
        return record;
    }

    /** What one batch has sent, had acknowledged and parked so far. Used by the relay's thread only. */
    private static final class BatchRun {
        final BlockingQueue<Acknowledgement> acknowledgements = new LinkedBlockingQueue<>();
        final Map<UUID, Span> spans = new LinkedHashMap<>();
        final List<UUID> published = new ArrayList<>();
        final List<Parking> parked = new ArrayList<>();
        int inFlight;
        boolean brokerFailed;

        void park(PendingEvent event, String reason) {
            parked.add(new Parking(event, reason));
        }
    }

    /** The producer's answer for one event (null failure: acknowledged), handed from its I/O thread to the relay's. */
    private record Acknowledgement(Deque<PendingEvent> chain, Throwable failure, Instant at) {
    }

    private record Parking(PendingEvent event, String reason) {
    }

    /** A child of the context stored on the row; a new trace for a row written outside any trace. */
    private Span publishSpan(PendingEvent event) {
        return tracer.spanBuilder("publish " + event.topic())
                .setParent(TraceContext.toContext(event.traceparent(), event.tracestate()))
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.destination.name", event.topic())
                .setAttribute("messaging.message.id", event.id().toString())
                .setAttribute("cloudevents.event_type", event.type())
                .startSpan();
    }

    /** Ends the event's span once; {@code failure} (no personal data: a summary) marks it as failed. */
    private static void endSpan(Map<UUID, Span> spans, PendingEvent event, String failure) {
        Span span = spans.remove(event.id());
        if (span == null) {
            return;
        }
        if (failure != null) {
            span.setStatus(StatusCode.ERROR, failure);
        }
        span.end();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Marks the batch's published rows and parks the rows that can never be published, in one transaction that does
     * not wait for its WAL flush (see {@link #publishBatch}). A parked row stops heading every batch; the person's
     * later rows wait behind it (see the class comment for how an operator releases it).
     */
    private void settle(Connection connection, BatchRun run) throws SQLException {
        if (run.published.isEmpty() && run.parked.isEmpty()) {
            return;
        }
        connection.setAutoCommit(false);
        try {
            try (Statement asynchronous = connection.createStatement()) {
                asynchronous.execute("SET LOCAL synchronous_commit = off");
            }
            if (!run.published.isEmpty()) {
                try (PreparedStatement mark = connection.prepareStatement(
                        "UPDATE dsr_kit.outbox_event SET published_at = clock_timestamp() WHERE id = ANY (?)")) {
                    mark.setArray(1, connection.createArrayOf("uuid", run.published.toArray()));
                    mark.executeUpdate();
                }
            }
            for (Parking parking : run.parked) {
                try (PreparedStatement park = connection.prepareStatement(
                        "UPDATE dsr_kit.outbox_event SET parked_at = clock_timestamp(), park_reason = ? WHERE id = ?")) {
                    park.setString(1, parking.reason());
                    park.setObject(2, parking.event().id());
                    park.executeUpdate();
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        meters.counter("dsr.outbox.published").increment(run.published.size());
        for (Parking parking : run.parked) {
            PendingEvent event = parking.event();
            meters.counter("dsr.outbox.parked.total").increment();
            // Ids, type and reason only: the payload may hold personal data.
            LOG.error("Outbox relay {} parked event {} ({} for person {}): {}. It can never be published as it is; "
                            + "this person's later events wait behind it until an operator releases it",
                    name, event.id(), event.type(), event.key(), parking.reason());
        }
    }

    private List<PendingEvent> readBatch(Connection connection) throws SQLException {
        List<PendingEvent> batch = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT e.id, e.aggregateid, e.type, e.topic, e.payload::text, e.correlation_id, e.created_at, "
                        + "e.traceparent, e.tracestate "
                        + "FROM dsr_kit.outbox_event e WHERE e.published_at IS NULL AND e.parked_at IS NULL AND NOT "
                        + PARKED_BEFORE + " ORDER BY e.position LIMIT ?")) {
            select.setInt(1, settings.batchSize());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    String key = rows.getString(2);
                    String type = rows.getString(3);
                    Instant createdAt = rows.getTimestamp(7).toInstant();
                    CloudEventCodec.OutgoingEvent outgoing = new CloudEventCodec.OutgoingEvent(
                            id.toString(), type, key, createdAt,
                            rows.getString(5).getBytes(java.nio.charset.StandardCharsets.UTF_8), rows.getString(6));
                    String unwritable = null;
                    try {
                        // Written here only to find a row that can never be written; it is sent with its span's
                        // trace context, known only when it is sent.
                        CloudEventCodec.write(outgoing);
                    } catch (RuntimeException e) {
                        // e.g. a type no longer in the catalogue: it would fail the same way on every read.
                        unwritable = "cannot be written as a CloudEvent: " + e.getClass().getSimpleName();
                    }
                    batch.add(new PendingEvent(id, key, type, rows.getString(4), outgoing, unwritable, createdAt,
                            rows.getString(8), rows.getString(9)));
                }
            }
        }
        return batch;
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
            // stop() interrupts this thread to end a wait; the producer's close joins its I/O thread and would log an
            // ERROR "Interrupted while joining ioThread" and skip flushing. Close with the flag clear, then restore it.
            boolean interrupted = Thread.interrupted();
            try {
                producer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.debug("Closing the relay producer failed", e);
            } finally {
                producer = null;
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
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

    /** A row read for publishing; {@code unwritable} says why it could not even be made into a CloudEvent. */
    private record PendingEvent(UUID id, String key, String type, String topic, CloudEventCodec.OutgoingEvent event,
                                String unwritable, Instant createdAt, String traceparent, String tracestate) {

        CloudEventCodec.OutgoingEvent outgoing(TraceContext trace) {
            return new CloudEventCodec.OutgoingEvent(event.id(), event.type(), event.subject(), event.time(),
                    event.data(), event.correlationId(), trace);
        }
    }
}
