package org.opendsr.kit.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Singleton;

/**
 * The idempotent consumer's memory: which events each consumer has already applied. The event id is inserted
 * first, in the same transaction as the handler's effects; a redelivered event finds its id and changes nothing.
 */
@Singleton
public class ProcessedEvents {

    /**
     * Records a run of events for the consumer in one statement, in the transaction that applies them; returns the
     * ids recorded now (the others were already recorded: redeliveries). One round trip per run instead of one per
     * event. An id twice in the run is recorded once (ON CONFLICT DO NOTHING skips the second within the statement).
     */
    public Set<String> recordFirstDeliveries(Connection transaction, String consumer, List<String> eventIds,
                                             List<String> eventTypes) throws SQLException {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        try (PreparedStatement insert = transaction.prepareStatement(
                "INSERT INTO dsr_kit.processed_event (consumer, event_id, event_type) "
                        + "SELECT ?, e.id, e.type FROM unnest(?::text[], ?::text[]) AS e(id, type) "
                        + "ON CONFLICT (consumer, event_id) DO NOTHING RETURNING event_id")) {
            insert.setString(1, consumer);
            insert.setArray(2, transaction.createArrayOf("text", eventIds.toArray()));
            insert.setArray(3, transaction.createArrayOf("text", eventTypes.toArray()));
            Set<String> recorded = new HashSet<>();
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    recorded.add(rows.getString(1));
                }
            }
            return recorded;
        }
    }

    /** Records the event for the consumer; false when it was already recorded (a redelivery). */
    public boolean recordFirstDelivery(Connection transaction, String consumer, String eventId, String eventType)
            throws SQLException {
        try (PreparedStatement insert = transaction.prepareStatement(
                "INSERT INTO dsr_kit.processed_event (consumer, event_id, event_type) VALUES (?, ?, ?) "
                        + "ON CONFLICT (consumer, event_id) DO NOTHING")) {
            insert.setString(1, consumer);
            insert.setString(2, eventId);
            insert.setString(3, eventType);
            return insert.executeUpdate() == 1;
        }
    }
}
