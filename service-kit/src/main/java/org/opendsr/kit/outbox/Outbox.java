package org.opendsr.kit.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import org.opendsr.contracts.EventCatalogue;
import org.opendsr.contracts.EventContract;
import org.opendsr.contracts.EventSchemas;
import org.opendsr.kit.observability.CorrelationId;
import org.opendsr.kit.observability.SafeThrowables;
import org.opendsr.kit.observability.TraceContext;
import org.opendsr.kit.ports.EventOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactional outbox: events are written in the caller's transaction, next to the state change that
 * caused them, and published by the {@link OutboxRelay} after commit. A rolled-back change publishes nothing;
 * a committed one is never lost.
 *
 * <p>After the caller's transaction commits, the relay is woken ({@link OutboxWakeUp}): in-process when this replica
 * leads, otherwise by a coalesced notification from another connection. Nothing is signalled inside the transaction,
 * so the writer's commit never waits on PostgreSQL's notification lock.
 *
 * <p><b>Schema checks at trust boundaries only.</b> A payload here is a typed contract record built by the service's
 * own code, so checking it against its JSON Schema on every write (a serialise, a re-parse and a validation) guards
 * against a programming error, not against bad input; the input was validated where it entered (the HTTP API, the
 * agency inbound consumer), and consumers validate what they read off a topic. The check therefore runs only when
 * {@code dsr.outbox.validate-payloads} is true: the test environment ({@code DsrTestEnvironment}) turns it on so that
 * a producer bug still fails a test; production leaves it off (the default).
 */
@Singleton
public class Outbox implements EventOutbox {

    private static final ObjectMapper TREE_READER = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private final TransactionOperations<Connection> transactions;
    private final JsonMapper json;
    private final OutboxWakeUp wakeUp;
    private final boolean validatePayloads;

    public Outbox(TransactionOperations<Connection> transactions, JsonMapper json, OutboxWakeUp wakeUp,
                  OutboxConfiguration configuration) {
        this.transactions = transactions;
        this.json = json;
        this.wakeUp = wakeUp;
        this.validatePayloads = configuration.isValidatePayloads();
    }

    /**
     * Appends an event about a person. Must be called inside a transaction.
     *
     * @param aggregateType what changed, e.g. "referral"
     * @param personId      the person the event is about: the CloudEvents subject and the Kafka key
     * @param eventType     a type from the {@link EventCatalogue}
     * @param payload       the event's data record
     * @return the event id
     */
    @Override
    public UUID append(String aggregateType, UUID personId, String eventType, Object payload) {
        TransactionStatus<?> transaction = transactions.findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException(
                        "The outbox is written in the caller's transaction; there is none"));
        Connection connection = (Connection) transaction.getConnection();
        EventContract contract = EventCatalogue.of(eventType);
        if (!contract.payloadType().isInstance(payload)) {
            throw new IllegalArgumentException(eventType + " carries " + contract.payloadType().getSimpleName());
        }
        String data = serialise(contract, payload);
        UUID eventId = UUID.randomUUID();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO dsr_kit.outbox_event (id, aggregatetype, aggregateid, type, topic, payload, correlation_id, "
                        + "traceparent, tracestate) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)")) {
            insert.setObject(1, eventId);
            insert.setString(2, aggregateType);
            insert.setString(3, personId.toString());
            insert.setString(4, eventType);
            insert.setString(5, contract.topic());
            insert.setString(6, data);
            insert.setString(7, CorrelationId.current().orElse(null));
            // Kept on the row because the relay publishes later, on another thread, outside this request's span.
            TraceContext trace = TraceContext.current();
            insert.setString(8, trace == null ? null : trace.traceparent());
            insert.setString(9, trace == null ? null : trace.tracestate());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new OutboxWriteFailed(e);
        }
        // Once per append, not per transaction: a wake-up is cheap and coalesced, and a second one costs nothing.
        transaction.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    wakeUp.committed();
                } catch (RuntimeException e) {
                    // Committed already: the relay's poll publishes the row; the caller must not see a failure.
                    LOG.debug("Could not wake the outbox relay: {}", SafeThrowables.summary(e));
                }
            }
        });
        return eventId;
    }

    private String serialise(EventContract contract, Object payload) {
        try {
            String data = json.writeValueAsString(payload);
            if (!validatePayloads) {
                return data;
            }
            List<String> problems = EventSchemas.dataProblems(contract, TREE_READER.readTree(data));
            if (!problems.isEmpty()) {
                throw new IllegalStateException(contract.type() + " payload does not match its schema: " + problems);
            }
            return data;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Could not serialise " + contract.type(), e);
        }
    }

    /** The outbox row could not be written; the caller's transaction rolls back with it. */
    public static final class OutboxWriteFailed extends RuntimeException {
        OutboxWriteFailed(SQLException cause) {
            super("Could not write to the outbox", cause);
        }
    }
}
