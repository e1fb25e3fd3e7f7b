package org.opendsr.kit.messaging;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
 * Processes one record for a consumer, so that every listener behaves the same way:
 * <ol>
 *   <li>read it as a CloudEvent and check its envelope and data against the published schemas;</li>
 *   <li>skip (and count) types this consumer does not handle, so new types are added without breaking anyone, or
 *       dead-letter them where every type must be known (see {@link EventHandlers});</li>
 *   <li>in one transaction, record the event id as processed and run the handler: a redelivery changes nothing;</li>
 *   <li>send what can never succeed to the dead-letter topic with the reason, then move on;</li>
 *   <li>throw {@link TransientInfrastructureFailure} while the database is unavailable, so the listener retries
 *       the same record later without committing its offset, with a capped exponential backoff
 *       ({@link TransientRetries}).</li>
 * </ol>
 * A handled event is processed inside a CONSUMER span "process &lt;topic&gt;", a child of the publisher's span named by
 * the event's {@code traceparent} (CloudEvents extension, else Kafka header), so that the consumer's work, its SQL and
 * any events it writes in turn belong to the trace of the request that started it all.
 */
@Singleton
public class InboundEvents {

    /** Attempts for a handler failure that is neither an outage nor a rule: a bug or a conflict that may pass. */
    static final int ATTEMPTS_BEFORE_DEAD_LETTER = 3;

    private static final Logger LOG = LoggerFactory.getLogger(InboundEvents.class);

    private final TransactionOperations<Connection> transactions;
    private final ProcessedEvents processedEvents;
    private final DeadLetters deadLetters;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final TransientRetries retries;
    private final Tracer tracer;

    public InboundEvents(TransactionOperations<Connection> transactions, ProcessedEvents processedEvents,
                         DeadLetters deadLetters, JsonMapper json, MeterRegistry meters, TransientRetries retries) {
        this(transactions, processedEvents, deadLetters, json, meters, retries, OpenTelemetry.noop());
    }

    @Inject
    public InboundEvents(TransactionOperations<Connection> transactions, ProcessedEvents processedEvents,
                         DeadLetters deadLetters, JsonMapper json, MeterRegistry meters, TransientRetries retries,
                         OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("org.opendsr.kit.inbox");
        this.transactions = transactions;
        this.processedEvents = processedEvents;
        this.deadLetters = deadLetters;
        this.json = json;
        this.meters = meters;
        this.retries = retries;
    }

    /**
     * Processes the record, or dead-letters it. Returns normally only when the record is settled (applied, a
     * duplicate, skipped or dead-lettered), so that its offset may be committed; throws only
     * {@link TransientInfrastructureFailure}, so that the listener's error strategy seeks back and retries it.
     * Nothing else may escape: micronaut-kafka would hand it to the exception handler and then commit the offset
     * anyway, skipping the record if it could not be dead-lettered there.
     */
    public void process(ConsumerRecord<String, byte[]> record, EventHandlers handlers) {
        String consumer = handlers.consumerGroup();
        retries.throwIfWaiting(consumer, record);
        try {
            settle(record, handlers, consumer);
        } catch (TransientInfrastructureFailure retried) {
            retries.failed(consumer, record, retried);
            throw retried;
        }
        retries.settled(consumer, record);
    }

    private void settle(ConsumerRecord<String, byte[]> record, EventHandlers handlers, String consumer) {
        try {
            processOrDeadLetter(record, handlers, consumer);
        } catch (TransientInfrastructureFailure retried) {
            throw retried;
        } catch (RuntimeException unexpected) {
            if (FailureClassification.isTransientInfrastructure(unexpected)) {
                throw new TransientInfrastructureFailure("infrastructure unavailable", unexpected);
            }
            LOG.error("{} failed to process record {}-{}@{}", consumer, record.topic(), record.partition(),
                    record.offset(), SafeThrowables.redacted(unexpected));
            // Throws TransientInfrastructureFailure if the dead-letter topic is unavailable: retried, not skipped.
            deadLetters.send(record, consumer, new UnprocessableEvent(UnprocessableEvent.Reason.UNEXPECTED_FAILURE,
                    "processing failed: " + SafeThrowables.summary(unexpected), unexpected));
        }
    }

    private void processOrDeadLetter(ConsumerRecord<String, byte[]> record, EventHandlers handlers, String consumer) {
        ReceivedCloudEvent cloudEvent;
        try {
            cloudEvent = CloudEventCodec.read(record.value());
        } catch (UnprocessableEvent unreadable) {
            deadLetters.send(record, consumer, unreadable);
            return;
        }
        var registration = handlers.forType(cloudEvent.type());
        if (registration.isEmpty()) {
            if (handlers.deadLettersUnknownTypes()) {
                deadLetters.send(record, consumer, new UnprocessableEvent(UnprocessableEvent.Reason.UNKNOWN_TYPE,
                        "no handler for event type " + cloudEvent.type()));
                return;
            }
            LOG.debug("{} does not handle {}; skipped event {}", consumer, cloudEvent.type(), cloudEvent.id());
            // Tagged by type so that a type skipped by mistake (a handler forgotten) shows up on a dashboard.
            meters.counter("dsr.events.consumed", "consumer", consumer, "type", cloudEvent.type(),
                    "outcome", "skipped").increment();
            return;
        }
        String previousCorrelation = MDC.get(CorrelationId.MDC_KEY);
        if (cloudEvent.correlationId() != null) {
            MDC.put(CorrelationId.MDC_KEY, cloudEvent.correlationId());
        }
        Span span = processSpan(record, cloudEvent, consumer);
        try (Scope ignored = span.makeCurrent()) {
            handle(record, cloudEvent, registration.get(), consumer);
        } catch (RuntimeException failure) {
            span.setStatus(StatusCode.ERROR, SafeThrowables.summary(failure));
            throw failure;
        } finally {
            span.end();
            if (previousCorrelation == null) {
                MDC.remove(CorrelationId.MDC_KEY);
            } else {
                MDC.put(CorrelationId.MDC_KEY, previousCorrelation);
            }
        }
    }

    private Span processSpan(ConsumerRecord<String, byte[]> record, ReceivedCloudEvent cloudEvent, String consumer) {
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

    private <T> void handle(ConsumerRecord<String, byte[]> record, ReceivedCloudEvent cloudEvent,
                            EventHandlers.Registration<T> registration, String consumer) {
        ReceivedEvent<T> event;
        try {
            T payload = json.readValue(cloudEvent.data(), registration.payloadType());
            event = new ReceivedEvent<>(cloudEvent.id(), cloudEvent.type(), cloudEvent.source(), cloudEvent.subject(), cloudEvent.time(),
                    cloudEvent.correlationId(), payload);
        } catch (Exception e) {
            deadLetters.send(record, consumer, new UnprocessableEvent(UnprocessableEvent.Reason.UNREADABLE_DATA,
                    "data cannot be read as " + registration.payloadType().getSimpleName(), e));
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                boolean applied = applyOnce(event, registration.handler(), consumer);
                LOG.info("{} {} event {} ({})", consumer, applied ? "applied" : "ignored the redelivered",
                        event.id(), event.type());
                meters.counter("dsr.events.consumed", "consumer", consumer, "type", event.type(),
                        "outcome", applied ? "applied" : "duplicate").increment();
                return;
            } catch (UnprocessableEvent rejected) {
                deadLetters.send(record, consumer, rejected);
                return;
            } catch (RuleBroken refused) {
                // A rule refuses the event (a bad value, an unknown person): it can never succeed, so it goes to the
                // dead-letter topic at once with the refusal, which is written to carry no personal data.
                deadLetters.send(record, consumer, UnprocessableEvent.rejected(refused.field() == null
                        ? refused.getMessage() : refused.field() + ": " + refused.getMessage()));
                return;
            } catch (RuntimeException failure) {
                if (FailureClassification.isTransientInfrastructure(failure)) {
                    LOG.warn("{} could not apply event {} while the database is unavailable; will retry: {}",
                            consumer, event.id(), SafeThrowables.summary(failure));
                    throw new TransientInfrastructureFailure("database unavailable", failure);
                }
                if (attempt >= ATTEMPTS_BEFORE_DEAD_LETTER) {
                    LOG.error("{} failed to apply event {} {} times", consumer, event.id(), attempt,
                            SafeThrowables.redacted(failure));
                    deadLetters.send(record, consumer, new UnprocessableEvent(UnprocessableEvent.Reason.RETRIES_EXHAUSTED,
                            "the handler failed " + attempt + " times: " + SafeThrowables.summary(failure), failure));
                    return;
                }
                pause(Duration.ofMillis(200L * attempt));
            }
        }
    }

    private <T> boolean applyOnce(ReceivedEvent<T> event, EventHandler<T> handler, String consumer) {
        return transactions.executeWrite(status -> {
            try {
                if (!processedEvents.recordFirstDelivery(status.getConnection(), consumer, event.id(), event.type())) {
                    return false;
                }
            } catch (SQLException e) {
                throw new TransientOrFatalSqlFailure(e);
            }
            handler.handle(event);
            return true;
        });
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientInfrastructureFailure("interrupted between attempts", e);
        }
    }

    /** Carries an SQLException out of the transaction callback; classification looks at its cause. */
    static final class TransientOrFatalSqlFailure extends RuntimeException {
        TransientOrFatalSqlFailure(SQLException cause) {
            super(cause);
        }
    }
}
