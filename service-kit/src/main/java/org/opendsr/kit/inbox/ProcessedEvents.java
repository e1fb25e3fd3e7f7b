package org.opendsr.kit.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import jakarta.inject.Singleton;

/**
 * The idempotent consumer's memory: which events each consumer has already applied. The event id is inserted
 * first, in the same transaction as the handler's effects; a redelivered event finds its id and changes nothing.
 */
@Singleton
public class ProcessedEvents {

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
