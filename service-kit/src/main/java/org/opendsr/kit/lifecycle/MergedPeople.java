package org.opendsr.kit.lifecycle;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.opendsr.kit.messaging.EventHandler;
import org.opendsr.kit.messaging.ReceivedEvent;

/**
 * The people referral-service merged ({@code dsr.person.merged.v1}): a link from the duplicate's personId to the
 * survivor's, kept (table {@code merged_person}) so that a read by the old personId, or an event about it that arrives
 * late, is resolved to the survivor. A personId is only a pseudonymous key here; the link is forgotten when either
 * person is erased.
 */
@Singleton
public class MergedPeople {

    /** Merges chain (A into B, later B into C); a chain longer than this is a loop, which a merge can never make. */
    private static final int LONGEST_CHAIN = 32;

    /** Reads and writes the tree of a payload's JSON only; the payload itself is (de)serialised as on the wire. */
    private static final ObjectMapper TREE = new ObjectMapper();

    private final TransactionOperations<Connection> transactions;
    private final JsonMapper json;

    /** Without a JSON mapper: {@link #resolving} cannot be used (use-case tests). */
    public MergedPeople(TransactionOperations<Connection> transactions) {
        this(transactions, null);
    }

    @Inject
    public MergedPeople(TransactionOperations<Connection> transactions, JsonMapper json) {
        this.transactions = transactions;
        this.json = json;
    }

    /**
     * The handler, applied to the survivor when the event is about a duplicate merged since (an event about
     * {@code from} that arrives after the merge: an outcome recorded late, a rating from a backlog). The event's
     * subject is its personId; the payload's {@code personId} is rewritten to the survivor's and the subject with it.
     * Not for care team events (the survivor's team is published afresh) nor the person lifecycle's own.
     */
    public <T> EventHandler<T> resolving(Class<T> payloadType, EventHandler<T> handler) {
        return event -> {
            UUID asked = personIdOf(event);
            UUID survivor = asked == null ? null : survivorOf(asked);
            if (survivor == null || survivor.equals(asked)) {
                handler.handle(event);
                return;
            }
            handler.handle(new ReceivedEvent<>(event.id(), event.type(), event.source(), survivor.toString(),
                    event.time(), event.correlationId(), rekeyed(event.payload(), payloadType, survivor), event.topic()));
        };
    }

    private static UUID personIdOf(ReceivedEvent<?> event) {
        try {
            return event.subject() == null ? null : UUID.fromString(event.subject());
        } catch (IllegalArgumentException notAPersonId) {
            return null;
        }
    }

    private <T> T rekeyed(T payload, Class<T> payloadType, UUID survivor) {
        try {
            ObjectNode tree = (ObjectNode) TREE.readTree(json.writeValueAsBytes(payload));
            if (tree.has("personId")) {
                tree.put("personId", survivor.toString());
            }
            return json.readValue(TREE.writeValueAsBytes(tree), payloadType);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Could not apply an event to the survivor " + survivor, e);
        }
    }

    /**
     * Records that {@code from} was merged into {@code into}. Returns false when it was recorded already (a merge
     * delivered again): the caller has nothing more to do. Must run inside a transaction.
     */
    public boolean link(UUID from, UUID into, Instant mergedAt) {
        if (from.equals(into)) {
            throw new IllegalArgumentException("a person cannot be merged into themselves");
        }
        Connection connection = PersonLifecycleTables.current(transactions, "Linking merged people");
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO merged_person (from_person_id, into_person_id, merged_at) VALUES (?, ?, ?) "
                        + "ON CONFLICT (from_person_id) DO NOTHING")) {
            insert.setObject(1, from);
            insert.setObject(2, into);
            insert.setTimestamp(3, Timestamp.from(mergedAt));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not link person " + from + " to " + into, e);
        }
    }

    /** The person a personId now stands for: itself, unless it was merged into another (followed to the end). */
    public UUID survivorOf(UUID personId) {
        return transactions.findTransactionStatus().isPresent()
                ? survivorOf(PersonLifecycleTables.current(transactions, "Resolving a merge"), personId)
                : transactions.execute(TransactionDefinition.READ_ONLY,
                        status -> survivorOf(status.getConnection(), personId));
    }

    private static UUID survivorOf(Connection connection, UUID personId) {
        UUID current = personId;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT into_person_id FROM merged_person WHERE from_person_id = ?")) {
            for (int hop = 0; hop < LONGEST_CHAIN; hop++) {
                select.setObject(1, current);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return current;
                    }
                    current = row.getObject(1, UUID.class);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not resolve the merges of person " + personId, e);
        }
        throw new IllegalStateException("The merges of person " + personId + " loop");
    }

    /** Forgets every link to or from the person (their erasure); returns how many rows went. */
    public int forget(UUID personId) {
        Connection connection = PersonLifecycleTables.current(transactions, "Forgetting merges");
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM merged_person WHERE from_person_id = ? OR into_person_id = ?")) {
            delete.setObject(1, personId);
            delete.setObject(2, personId);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not forget the merges of person " + personId, e);
        }
    }
}
