package org.opendsr.kit.lifecycle;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.opendsr.contracts.lifecycle.ProcessingRestricted;
import org.opendsr.kit.messaging.ReceivedEvent;

/**
 * Whose processing is restricted (UK GDPR Article 18): a projection of {@code dsr.person.processing-restricted.v1}
 * (table {@code processing_restriction}), so that every service shows the restriction wherever it shows the person and
 * stops its own non-essential processing. Register {@link #follow} for that type on the referral events listener. The
 * reason for the restriction stays in referral-service.
 */
@Singleton
public class ProcessingRestrictions {

    private final TransactionOperations<Connection> transactions;

    public ProcessingRestrictions(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /**
     * The event handler of {@code dsr.person.processing-restricted.v1}: runs in the inbound event's transaction. An
     * older change replayed after a newer one changes nothing.
     */
    public void follow(ReceivedEvent<ProcessingRestricted> event) {
        ProcessingRestricted change = event.payload();
        Connection connection = PersonLifecycleTables.current(transactions, "Following a restriction");
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO processing_restriction (person_id, restricted, changed_at) VALUES (?, ?, ?) "
                        + "ON CONFLICT (person_id) DO UPDATE SET restricted = EXCLUDED.restricted, "
                        + "changed_at = EXCLUDED.changed_at "
                        + "WHERE processing_restriction.changed_at <= EXCLUDED.changed_at")) {
            upsert.setObject(1, change.personId());
            upsert.setBoolean(2, change.restricted());
            upsert.setTimestamp(3, Timestamp.from(change.changedAt()));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not follow the restriction of person " + change.personId(), e);
        }
    }

    /** Whether processing of the person's data is restricted now. */
    public boolean isRestricted(UUID personId) {
        return transactions.findTransactionStatus().isPresent()
                ? isRestricted(PersonLifecycleTables.current(transactions, "Reading a restriction"), personId)
                : transactions.execute(TransactionDefinition.READ_ONLY,
                        status -> isRestricted(status.getConnection(), personId));
    }

    /** Everyone whose processing is restricted now: few, read once by a job that goes through everybody. */
    public Set<UUID> restrictedPeople() {
        return transactions.findTransactionStatus().isPresent()
                ? restrictedPeople(PersonLifecycleTables.current(transactions, "Reading restrictions"))
                : transactions.execute(TransactionDefinition.READ_ONLY, status -> restrictedPeople(status.getConnection()));
    }

    private static Set<UUID> restrictedPeople(Connection connection) {
        Set<UUID> restricted = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT person_id FROM processing_restriction WHERE restricted");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                restricted.add(rows.getObject(1, UUID.class));
            }
            return restricted;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the restrictions", e);
        }
    }

    private static boolean isRestricted(Connection connection, UUID personId) {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT restricted FROM processing_restriction WHERE person_id = ?")) {
            select.setObject(1, personId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the restriction of person " + personId, e);
        }
    }

    /**
     * The duplicate's restriction carries over to the survivor: a restriction asked for under either record was asked
     * for by the same person. The later decision wins: a restriction of the duplicate newer than what the survivor
     * holds restricts the survivor; a lifting of the survivor's newer than it stands. Must run inside a transaction.
     */
    public void merge(UUID from, UUID into) {
        Connection connection = PersonLifecycleTables.current(transactions, "Merging restrictions");
        try (PreparedStatement carry = connection.prepareStatement(
                "INSERT INTO processing_restriction (person_id, restricted, changed_at) "
                        + "SELECT ?, restricted, changed_at FROM processing_restriction WHERE person_id = ? AND restricted "
                        + "ON CONFLICT (person_id) DO UPDATE SET restricted = true, changed_at = EXCLUDED.changed_at "
                        + "WHERE processing_restriction.changed_at < EXCLUDED.changed_at");
             PreparedStatement drop = connection.prepareStatement(
                     "DELETE FROM processing_restriction WHERE person_id = ?")) {
            carry.setObject(1, into);
            carry.setObject(2, from);
            carry.executeUpdate();
            drop.setObject(1, from);
            drop.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not merge the restriction of person " + from, e);
        }
    }

    /** Forgets the person's restriction (their erasure); returns how many rows went. */
    public int forget(UUID personId) {
        Connection connection = PersonLifecycleTables.current(transactions, "Forgetting a restriction");
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM processing_restriction WHERE person_id = ?")) {
            delete.setObject(1, personId);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not forget the restriction of person " + personId, e);
        }
    }
}
