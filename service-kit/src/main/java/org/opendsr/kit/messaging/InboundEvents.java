package org.opendsr.kit.messaging;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.opendsr.kit.inbox.ProcessedEvents;
import org.opendsr.kit.messaging.CloudEventCodec.ReceivedCloudEvent;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.observability.CorrelationId;
import org.opendsr.kit.observability.SafeThrowables;
import org.opendsr.kit.observability.TraceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Processes a consumer's records, so that every listener behaves the same way:
 * <ol>
 *   <li>read each as a CloudEvent, once, and check its envelope and data against the published schemas;</li>
 *   <li>skip (and count) types this consumer does not handle, so new types are added without breaking anyone, or
 *       dead-letter them where every type must be known (see {@link EventHandlers});</li>
 *   <li>per partition, in offset order (the key is the personId, so a person's events stay in order), apply a run of
 *       events in <em>one</em> transaction that first records the run's event ids as processed, in one statement: a
 *       redelivery changes nothing, and a batch costs one commit and one idempotency insert instead of one each per
 *       event;</li>
 *   <li>if anything in that transaction fails for a reason other than an outage, roll it back and settle the run
 *       again without the failing event: the events before it are applied, the failing one is settled on its own
 *       (dead-lettered at once if it broke a rule, retried up to {@value #ATTEMPTS_BEFORE_DEAD_LETTER} times if the
 *       handler failed), the events after it go on in a batch again. Only the poison event reaches the dead-letter
 *       topic, and every good one is applied once;</li>
 *   <li>send what can never succeed to the dead-letter topic with the reason, then move on;</li>
 *   <li>while the database or broker is unavailable, settle nothing further on that partition: throw
 *       {@link TransientInfrastructureFailure} so that the listener retries from the first unsettled record, with the
 *       capped backoff of {@link TransientRetries}, and commits only offsets below it.</li>
 * </ol>
 * Each handled event is processed inside its own CONSUMER span "process &lt;topic&gt;", a child of the publisher's span
 * named by the event's {@code traceparent} (CloudEvents extension, else Kafka header), so that the consumer's work, its
 * SQL and any events it writes in turn belong to the trace of the request that started it all.
 */
@Singleton
public class InboundEvents {

    /** Attempts for a handler failure that is neither an outage nor a rule: a bug or a conflict that may pass. */
    static final int ATTEMPTS_BEFORE_DEAD_LETTER = 3;

    /** A fifth of the consumer's default {@code max.poll.interval.ms}: a poll past its budget still commits in time. */
    static final Duration DEFAULT_POLL_BUDGET = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(InboundEvents.class);

    private final TransactionOperations<Connection> transactions;
    private final ProcessedEvents processedEvents;
    private final DeadLetters deadLetters;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final TransientRetries retries;
    private final Tracer tracer;
    /**
     * Where each partition resumes after a retried poll: micronaut-kafka retries a failed batch by seeking every
     * partition of the poll back to where the poll began, so the records this consumer already settled (applied,
     * skipped, dead-lettered) come again; they are passed over here instead of being dead-lettered twice.
     */
    private final Map<String, Long> resumeAt = new ConcurrentHashMap<>();
    /**
     * How long one poll may take to settle before the rest waits for the next poll. A poll is committed only when it
     * returns, and a consumer that does not poll again within {@code max.poll.interval.ms} (5 minutes) is put out of
     * its group and its commit refused: without a budget, a poll of many failing events (each retried with pauses)
     * would be redelivered from its start for ever, dead-lettering the same records again each time.
     */
    private final Duration pollBudget;
    /** The handlers of each consumer group of this service, as its listeners declared them: for replays. */
    private final Map<String, EventHandlers> byGroup = new ConcurrentHashMap<>();
    /** When the poll being settled on this listener thread must stop; absent outside {@link #processBatch}. */
    private final ThreadLocal<Long> pollDeadline = new ThreadLocal<>();

    public InboundEvents(TransactionOperations<Connection> transactions, ProcessedEvents processedEvents,
                         DeadLetters deadLetters, JsonMapper json, MeterRegistry meters, TransientRetries retries) {
        this(transactions, processedEvents, deadLetters, json, meters, retries, OpenTelemetry.noop());
    }

    public InboundEvents(TransactionOperations<Connection> transactions, ProcessedEvents processedEvents,
                         DeadLetters deadLetters, JsonMapper json, MeterRegistry meters, TransientRetries retries,
                         OpenTelemetry openTelemetry) {
        this(transactions, processedEvents, deadLetters, json, meters, retries, openTelemetry, DEFAULT_POLL_BUDGET);
    }

    @Inject
    public InboundEvents(TransactionOperations<Connection> transactions, ProcessedEvents processedEvents,
                         DeadLetters deadLetters, JsonMapper json, MeterRegistry meters, TransientRetries retries,
                         OpenTelemetry openTelemetry,
                         @Value("${dsr.events.consumer.poll-budget:60s}") Duration pollBudget) {
        this.pollBudget = pollBudget;
        this.tracer = openTelemetry.getTracer("org.opendsr.kit.inbox");
        this.transactions = transactions;
        this.processedEvents = processedEvents;
        this.deadLetters = deadLetters;
        this.json = json;
        this.meters = meters;
        this.retries = retries;
    }

    /**
     * Settles one poll's records. Returns normally only when every record is settled (applied, a duplicate, skipped
     * or dead-lettered), so that the listener may commit the poll's offsets at once. Otherwise commits
     * (asynchronously) the offsets below the first unsettled record of each partition, points the consumer back at
     * that record, and throws
     * {@link TransientInfrastructureFailure}, so that the listener's error strategy retries after a pause. Nothing else
     * may escape: micronaut-kafka would hand it to the exception handler and then commit the offsets anyway.
     *
     * @param consumer the polling consumer, for the commit and seek of a stalled poll; null in tests
     */
    public void processBatch(ConsumerRecords<String, byte[]> records, EventHandlers handlers, Consumer<?, ?> consumer) {
        pollDeadline.set(System.nanoTime() + pollBudget.toNanos());
        try {
            settleBatch(records, handlers, consumer);
        } finally {
            pollDeadline.remove();
        }
    }

    /** Called by each listener ({@link DsrTopicListener}) as it is created: its group and how it handles events. */
    void register(EventHandlers handlers) {
        byGroup.put(handlers.consumerGroup(), handlers);
    }

    /** What a replay came to. */
    public enum Replayed {
        /** The event was applied now, by its consumer group's handler. */
        APPLIED,
        /** The event had been processed meanwhile (it came again, or was replayed already): nothing applied twice. */
        ALREADY_PROCESSED
    }

    /**
     * Processes a dead letter again, as its consumer group's listener would have: read and checked the same way, its
     * event id recorded in the group's inbox in the same transaction as the handler's effect (so an event processed
     * meanwhile is not applied twice), and {@code alsoInTheTransaction} (the dead letter's new state, its audit)
     * committed with it. Throws {@link UnprocessableEvent} with the reason when it still fails (nothing is written),
     * {@link TransientInfrastructureFailure} while the database is unavailable.
     */
    public Replayed replay(ConsumerRecord<String, byte[]> record, String consumerGroup, Runnable alsoInTheTransaction) {
        EventHandlers handlers = byGroup.get(consumerGroup);
        if (handlers == null) {
            throw new UnprocessableEvent(UnprocessableEvent.Reason.UNEXPECTED_FAILURE,
                    "this service has no consumer group " + consumerGroup + " any more");
        }
        Step step = decode(record, handlers);
        if (step instanceof Poison poison) {
            throw poison.reason();
        }
        if (!(step instanceof Apply apply)) {
            throw new UnprocessableEvent(UnprocessableEvent.Reason.UNKNOWN_TYPE,
                    "no handler for event type " + step.cloudEvent().type());
        }
        try {
            return transactions.executeWrite(status -> {
                boolean first;
                try {
                    first = processedEvents.recordFirstDelivery(status.getConnection(), consumerGroup,
                            apply.event().id(), apply.event().type());
                } catch (SQLException e) {
                    throw new TransientOrFatalSqlFailure(e);
                }
                if (first) {
                    handle(apply.registration().handler(), apply.event());
                }
                try {
                    alsoInTheTransaction.run();
                } catch (RuntimeException afterwards) {
                    throw new NotTheEvent(afterwards);
                }
                return first ? Replayed.APPLIED : Replayed.ALREADY_PROCESSED;
            });
        } catch (RuntimeException failure) {
            for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
                if (cause instanceof NotTheEvent notTheEvent) {
                    throw (RuntimeException) notTheEvent.getCause();
                }
            }
            throw replayFailure(failure);
        }
    }

    /** A failure of what the caller does with the replay, not of the event: the caller's to handle. */
    private static final class NotTheEvent extends RuntimeException {
        NotTheEvent(RuntimeException cause) {
            super(null, cause, false, false);
        }
    }

    /** The reason a replay failed, in the words the listener would have dead-lettered it with. */
    private static RuntimeException replayFailure(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnprocessableEvent rejected) {
                return rejected;
            }
            if (cause instanceof RuleBroken refused) {
                return UnprocessableEvent.rejected(refused.field() == null
                        ? refused.getMessage() : refused.field() + ": " + refused.getMessage());
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        if (FailureClassification.isTransientInfrastructure(failure)) {
            return new TransientInfrastructureFailure("database unavailable", failure);
        }
        return new UnprocessableEvent(UnprocessableEvent.Reason.RETRIES_EXHAUSTED,
                "the handler failed on replay: " + SafeThrowables.summary(failure), failure);
    }

    private void settleBatch(ConsumerRecords<String, byte[]> records, EventHandlers handlers, Consumer<?, ?> consumer) {
        String group = handlers.consumerGroup();
        Map<TopicPartition, OffsetAndMetadata> settledBelow = new HashMap<>();
        TransientInfrastructureFailure stall = null;
        boolean outOfTime = false;
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> inPartition = records.records(partition);
            long end = inPartition.get(inPartition.size() - 1).offset() + 1;
            List<ConsumerRecord<String, byte[]>> unsettled = notYetSettled(group, partition, inPartition);
            if (unsettled.isEmpty()) {
                settledBelow.put(partition, new OffsetAndMetadata(end));
                continue;
            }
            if (outOfTime) {
                settledBelow.put(partition, new OffsetAndMetadata(unsettled.get(0).offset()));
                continue;
            }
            try {
                settlePartition(unsettled, handlers);
                settledBelow.put(partition, new OffsetAndMetadata(end));
            } catch (OutOfTime spent) {
                settledBelow.put(partition, new OffsetAndMetadata(spent.record.offset()));
                outOfTime = true;
            } catch (Stalled stalled) {
                settledBelow.put(partition, new OffsetAndMetadata(stalled.record.offset()));
                if (stall == null) {
                    stall = stalled.failure;
                }
            } catch (RuntimeException bug) {
                // Settling a record is meant to catch everything; should a fault in the kit escape it anyway, where the
                // partition stopped is unknown, so nothing of it is committed: retried, never skipped.
                LOG.error("{} stopped on {} for an unexpected reason; will retry from {}", group, partition,
                        unsettled.get(0).offset(), SafeThrowables.redacted(bug));
                settledBelow.put(partition, new OffsetAndMetadata(unsettled.get(0).offset()));
                if (stall == null) {
                    stall = new TransientInfrastructureFailure("unexpected failure", bug);
                }
            }
        }
        if (stall == null) {
            settledBelow.keySet().forEach(partition -> resumeAt.remove(key(group, partition)));
            if (outOfTime && consumer != null) {
                // The listener commits the consumer's positions when this returns: pointed at the first unsettled
                // record of each partition, that commit keeps what was settled and the next poll starts there.
                LOG.info("{} spent its poll budget of {}; the rest of the poll is settled after the next poll", group,
                        pollBudget);
                settledBelow.forEach((partition, next) -> consumer.seek(partition, next.offset()));
            }
            return;
        }
        settledBelow.forEach((partition, next) -> resumeAt.put(key(group, partition), next.offset()));
        if (consumer != null) {
            // Also done by the error strategy (back to where the poll began), but not for a partition assigned during
            // this poll: its position must not stay past records that were never settled.
            settledBelow.forEach((partition, next) -> consumer.seek(partition, next.offset()));
            // Asynchronously: while the broker is down a synchronous commit would block the retries for a minute.
            // If it fails nothing is lost: the records come again and are passed over here or found processed.
            consumer.commitAsync(settledBelow, (offsets, commitFailed) -> {
                if (commitFailed != null) {
                    LOG.debug("{} could not commit settled offsets before retrying: {}", group,
                            SafeThrowables.summary(commitFailed));
                }
            });
        }
        throw stall;
    }

    private List<ConsumerRecord<String, byte[]>> notYetSettled(String group, TopicPartition partition,
                                                              List<ConsumerRecord<String, byte[]>> records) {
        Long resume = resumeAt.get(key(group, partition));
        if (resume == null || records.get(0).offset() >= resume) {
            return records;
        }
        return records.stream().filter(record -> record.offset() >= resume).toList();
    }

    private static String key(String group, TopicPartition partition) {
        return group + '/' + partition.topic() + '/' + partition.partition();
    }

    /** Settles a partition's records in offset order, or throws {@link Stalled} at the first it cannot settle now. */
    private void settlePartition(List<ConsumerRecord<String, byte[]>> records, EventHandlers handlers) throws Stalled {
        String consumer = handlers.consumerGroup();
        try {
            retries.throwIfWaiting(consumer, records.get(0));
        } catch (TransientInfrastructureFailure waiting) {
            throw new Stalled(records.get(0), waiting);
        }
        int next = 0;
        while (next < records.size()) {
            List<ConsumerRecord<String, byte[]>> rest = records.subList(next, records.size());
            try {
                settleInOrder(rest, handlers, consumer);
                next = records.size();
            } catch (UnexpectedFailure unexpected) {
                // A fault outside any handler (in the kit itself): settle the record it happened on like a poison one.
                ConsumerRecord<String, byte[]> record = unexpected.record;
                Throwable failure = unexpected.getCause();
                if (FailureClassification.isTransientInfrastructure(failure)) {
                    throw stall(consumer, record, new TransientInfrastructureFailure("infrastructure unavailable", failure));
                }
                LOG.error("{} failed to process record {}-{}@{}", consumer, record.topic(), record.partition(),
                        record.offset(), SafeThrowables.redacted(failure));
                deadLetter(record, consumer, new UnprocessableEvent(UnprocessableEvent.Reason.UNEXPECTED_FAILURE,
                        "processing failed: " + SafeThrowables.summary(failure), failure));
                next = records.indexOf(record) + 1;
            }
        }
        retries.settled(consumer, records.get(records.size() - 1));
    }

    /** Runs of events that can be applied go in one transaction each; an unreadable record ends a run. */
    private void settleInOrder(List<ConsumerRecord<String, byte[]>> records, EventHandlers handlers, String consumer)
            throws Stalled, UnexpectedFailure {
        List<Step> run = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Step step;
            try {
                step = decode(record, handlers);
            } catch (RuntimeException e) {
                applyRun(run, consumer);
                throw new UnexpectedFailure(record, e);
            }
            if (step instanceof Poison poison) {
                applyRun(run, consumer);
                run.clear();
                deadLetter(record, consumer, poison.reason());
            } else {
                run.add(step);
            }
        }
        applyRun(run, consumer);
    }

    private Step decode(ConsumerRecord<String, byte[]> record, EventHandlers handlers) {
        ReceivedCloudEvent cloudEvent;
        try {
            cloudEvent = CloudEventCodec.read(record.value());
        } catch (UnprocessableEvent unreadable) {
            return new Poison(record, unreadable);
        }
        var registration = handlers.forType(cloudEvent.type());
        if (registration.isEmpty()) {
            if (handlers.deadLettersUnknownTypes()) {
                return new Poison(record, new UnprocessableEvent(UnprocessableEvent.Reason.UNKNOWN_TYPE,
                        "no handler for event type " + cloudEvent.type()));
            }
            return new Skip(record, cloudEvent);
        }
        Object payload;
        try {
            payload = json.readValueFromTree(EventDataTree.of(cloudEvent.data()), registration.get().payloadType());
        } catch (Exception e) {
            return new Poison(record, new UnprocessableEvent(UnprocessableEvent.Reason.UNREADABLE_DATA,
                    "data cannot be read as " + registration.get().payloadType().getSimpleName(), e));
        }
        return new Apply(record, cloudEvent, registration.get(), new ReceivedEvent<>(cloudEvent.id(), cloudEvent.type(),
                cloudEvent.source(), cloudEvent.subject(), cloudEvent.time(), cloudEvent.correlationId(), payload,
                record.topic()));
    }

    /**
     * Applies a run in one transaction. If it fails at one event for a reason other than an outage, the run is
     * settled again around that event: the ones before it in a transaction of their own, that one alone, the ones
     * after it as a run again. Each step is shorter than the run, so this ends.
     */
    private void applyRun(List<Step> run, String consumer) throws Stalled {
        if (run.isEmpty()) {
            return;
        }
        try {
            applyInOneTransaction(run, consumer);
            return;
        } catch (RunFailed failed) {
            Throwable cause = failed.getCause();
            if (FailureClassification.isTransientInfrastructure(cause)) {
                LOG.warn("{} could not apply {} event(s) from {}-{}@{} while the database is unavailable; will retry: {}",
                        consumer, run.size(), run.get(0).record().topic(), run.get(0).record().partition(),
                        run.get(0).record().offset(), SafeThrowables.summary(cause));
                throw stall(consumer, run.get(0).record(), new TransientInfrastructureFailure("database unavailable", cause));
            }
            int at = failed.index >= 0 ? failed.index : (run.size() == 1 ? 0 : -1);
            if (at < 0) {
                // Failed at commit, for no one event in particular: settle each on its own.
                for (Step step : List.copyOf(run)) {
                    applyRun(List.of(step), consumer);
                }
                return;
            }
            List<Step> before = List.copyOf(run.subList(0, at));
            List<Step> after = List.copyOf(run.subList(at + 1, run.size()));
            applyRun(before, consumer);
            settleAfterFirstFailure((Apply) run.get(at), cause, consumer);
            applyRun(after, consumer);
        }
    }

    private void settleAfterFirstFailure(Apply apply, Throwable failure, String consumer) throws Stalled {
        if (failure instanceof UnprocessableEvent rejected) {
            deadLetter(apply.record(), consumer, rejected);
        } else if (failure instanceof RuleBroken refused) {
            // A rule refuses the event (a bad value, an unknown person): it can never succeed, so it goes to the
            // dead-letter topic at once with the refusal, which is written to carry no personal data.
            deadLetter(apply.record(), consumer, UnprocessableEvent.rejected(refused.field() == null
                    ? refused.getMessage() : refused.field() + ": " + refused.getMessage()));
        } else {
            retryAlone(apply, failure, consumer);
        }
    }

    /** A handler failure that may pass (a conflict, a bug hit by this state): its own transaction, a few times. */
    private void retryAlone(Apply apply, Throwable firstFailure, String consumer) throws Stalled {
        Throwable failure = firstFailure;
        Long deadline = pollDeadline.get();
        if (deadline != null && System.nanoTime() - deadline > 0) {
            // Retrying pauses; past the poll's budget this event waits for the next poll, which starts with it.
            throw new OutOfTime(apply.record());
        }
        for (int attempt = 2; attempt <= ATTEMPTS_BEFORE_DEAD_LETTER; attempt++) {
            pause(Duration.ofMillis(200L * (attempt - 1)), apply.record(), consumer);
            try {
                applyInOneTransaction(List.of(apply), consumer);
                return;
            } catch (RunFailed failed) {
                failure = failed.getCause();
                if (FailureClassification.isTransientInfrastructure(failure)) {
                    LOG.warn("{} could not apply event {} while the database is unavailable; will retry: {}",
                            consumer, apply.event().id(), SafeThrowables.summary(failure));
                    throw stall(consumer, apply.record(), new TransientInfrastructureFailure("database unavailable", failure));
                }
                if (failure instanceof UnprocessableEvent || failure instanceof RuleBroken) {
                    settleAfterFirstFailure(apply, failure, consumer);
                    return;
                }
            }
        }
        LOG.error("{} failed to apply event {} {} times", consumer, apply.event().id(), ATTEMPTS_BEFORE_DEAD_LETTER,
                SafeThrowables.redacted(failure));
        deadLetter(apply.record(), consumer, new UnprocessableEvent(UnprocessableEvent.Reason.RETRIES_EXHAUSTED,
                "the handler failed " + ATTEMPTS_BEFORE_DEAD_LETTER + " times: " + SafeThrowables.summary(failure), failure));
    }

    /**
     * One transaction for the run: each event's id is recorded as processed and its handler runs, in offset order,
     * each inside its own span; the spans end when the transaction has ended, so that they cover the commit.
     */
    private void applyInOneTransaction(List<Step> run, String consumer) throws RunFailed {
        boolean[] applied = new boolean[run.size()];
        List<Span> spans = new ArrayList<>(run.size());
        boolean anyToApply = run.stream().anyMatch(Apply.class::isInstance);
        try {
            if (anyToApply) {
                transactions.executeWrite(status -> {
                    Set<String> firstDeliveries = recordFirstDeliveries(run, status.getConnection(), consumer);
                    for (int i = 0; i < run.size(); i++) {
                        if (run.get(i) instanceof Apply apply) {
                            Span span = processSpan(apply, consumer);
                            spans.add(span);
                            applied[i] = applyInSpan(apply, span, firstDeliveries.remove(apply.event().id()), consumer, i);
                        }
                    }
                    return null;
                });
            }
        } catch (RuntimeException failure) {
            RunFailed failed = RunFailed.in(failure);
            for (Span span : spans) {
                span.setAttribute("dsr.batch.rolled_back", true);
                span.end();
            }
            throw failed;
        }
        spans.forEach(Span::end);
        for (int i = 0; i < run.size(); i++) {
            Step step = run.get(i);
            ReceivedCloudEvent cloudEvent = step.cloudEvent();
            String outcome = step instanceof Skip ? "skipped" : applied[i] ? "applied" : "duplicate";
            // Tagged by type so that a type skipped by mistake (a handler forgotten) shows up on a dashboard.
            meters.counter("dsr.events.consumed", "consumer", consumer, "type", cloudEvent.type(), "outcome", outcome)
                    .increment();
        }
    }

    /** The run's event ids, recorded as processed in one statement: those recorded now are to be applied. */
    private Set<String> recordFirstDeliveries(List<Step> run, Connection connection, String consumer) {
        List<String> ids = new ArrayList<>(run.size());
        List<String> types = new ArrayList<>(run.size());
        for (Step step : run) {
            if (step instanceof Apply apply) {
                ids.add(apply.event().id());
                types.add(apply.event().type());
            }
        }
        try {
            if (ids.size() == 1) {
                return processedEvents.recordFirstDelivery(connection, consumer, ids.get(0), types.get(0))
                        ? new HashSet<>(ids) : new HashSet<>();
            }
            return new HashSet<>(processedEvents.recordFirstDeliveries(connection, consumer, ids, types));
        } catch (SQLException e) {
            // For no one event in particular: the run is settled again event by event.
            throw new RunFailed(-1, new TransientOrFatalSqlFailure(e));
        }
    }

    private boolean applyInSpan(Apply apply, Span span, boolean firstDelivery, String consumer, int index) {
        String previousCorrelation = MDC.get(CorrelationId.MDC_KEY);
        if (apply.cloudEvent().correlationId() != null) {
            MDC.put(CorrelationId.MDC_KEY, apply.cloudEvent().correlationId());
        }
        try (Scope ignored = span.makeCurrent()) {
            if (!firstDelivery) {
                LOG.debug("{} ignored the redelivered event {} ({})", consumer, apply.event().id(), apply.event().type());
                return false;
            }
            handle(apply.registration().handler(), apply.event());
            // DEBUG, not INFO: a line per event cost measurable CPU under load; the counters say how many. Logged inside
            // the event's span, so that it carries the event's trace.
            LOG.debug("{} applied event {} ({}), committed with its run", consumer, apply.event().id(), apply.event().type());
            return true;
        } catch (RuntimeException failure) {
            span.setStatus(StatusCode.ERROR, SafeThrowables.summary(failure));
            throw new RunFailed(index, failure);
        } finally {
            if (previousCorrelation == null) {
                MDC.remove(CorrelationId.MDC_KEY);
            } else {
                MDC.put(CorrelationId.MDC_KEY, previousCorrelation);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void handle(EventHandler<T> handler, ReceivedEvent<?> event) {
        handler.handle((ReceivedEvent<T>) event);
    }

    private Span processSpan(Apply apply, String consumer) {
        ConsumerRecord<String, byte[]> record = apply.record();
        ReceivedCloudEvent cloudEvent = apply.cloudEvent();
        Context parent = cloudEvent.trace() != null ? cloudEvent.trace().toContext()
                : TraceContext.toContext(header(record, TraceContext.TRACEPARENT), header(record, TraceContext.TRACESTATE));
        return tracer.spanBuilder("process " + record.topic())
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.consumer.group.name", consumer)
                .setAttribute("messaging.message.id", cloudEvent.id())
                .setAttribute("cloudevents.event_type", cloudEvent.type())
                .startSpan();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers() == null ? null : record.headers().lastHeader(name);
        return header == null || header.value() == null ? null
                : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Dead-letters the record; if the dead-letter topic is unavailable, the record stalls its partition instead. */
    private void deadLetter(ConsumerRecord<String, byte[]> record, String consumer, UnprocessableEvent reason)
            throws Stalled {
        try {
            deadLetters.send(record, consumer, reason);
        } catch (TransientInfrastructureFailure unavailable) {
            throw stall(consumer, record, unavailable);
        }
    }

    private Stalled stall(String consumer, ConsumerRecord<String, byte[]> record, TransientInfrastructureFailure failure) {
        retries.failed(consumer, record, failure);
        return new Stalled(record, failure);
    }

    private void pause(Duration duration, ConsumerRecord<String, byte[]> record, String consumer) throws Stalled {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stalled(record, new TransientInfrastructureFailure("interrupted between attempts", e));
        }
    }

    /** What one record comes to before anything is applied. */
    private sealed interface Step permits Apply, Skip, Poison {
        ConsumerRecord<String, byte[]> record();

        ReceivedCloudEvent cloudEvent();
    }

    private record Apply(ConsumerRecord<String, byte[]> record, ReceivedCloudEvent cloudEvent,
                         EventHandlers.Registration<?> registration, ReceivedEvent<?> event) implements Step {
    }

    /** A type this consumer does not handle: nothing to apply, counted as skipped once its run is settled. */
    private record Skip(ConsumerRecord<String, byte[]> record, ReceivedCloudEvent cloudEvent) implements Step {
    }

    private record Poison(ConsumerRecord<String, byte[]> record, UnprocessableEvent reason) implements Step {
        @Override
        public ReceivedCloudEvent cloudEvent() {
            return null;
        }
    }

    /** The first record of a partition left for the next poll because this one spent its budget; not a failure. */
    private static final class OutOfTime extends Stalled {
        OutOfTime(ConsumerRecord<String, byte[]> record) {
            super(record, null);
        }
    }

    /** The first record of a partition that cannot be settled now; nothing at or after it has been settled. */
    private static class Stalled extends Exception {
        final transient ConsumerRecord<String, byte[]> record;
        final TransientInfrastructureFailure failure;

        Stalled(ConsumerRecord<String, byte[]> record, TransientInfrastructureFailure failure) {
            super(null, null, false, false);
            this.record = record;
            this.failure = failure;
        }
    }

    /** A fault outside the handlers, on this record. */
    private static final class UnexpectedFailure extends Exception {
        private final transient ConsumerRecord<String, byte[]> record;

        UnexpectedFailure(ConsumerRecord<String, byte[]> record, Throwable cause) {
            super(cause);
            this.record = record;
        }
    }

    /** Why a run's transaction rolled back, and at which event (-1: at commit, for none in particular). */
    static final class RunFailed extends RuntimeException {
        private final int index;

        RunFailed(int index, Throwable cause) {
            super(cause);
            this.index = index;
        }

        static RunFailed in(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof RunFailed failed) {
                    return failed;
                }
                if (cause.getCause() == cause) {
                    break;
                }
            }
            return new RunFailed(-1, failure);
        }
    }

    /** Carries an SQLException out of the transaction callback; classification looks at its cause. */
    static final class TransientOrFatalSqlFailure extends RuntimeException {
        TransientOrFatalSqlFailure(SQLException cause) {
            super(cause);
        }
    }
}
