package org.opendsr.kit.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

/**
 * Each person's audit key ({@code dsr_kit.audit_person_key}), with which the kit encrypts the old/new values of the
 * audit entries about them ({@link ErasableValues}). Forgetting a person's key is how their erasure reaches the audit
 * trail, which is append-only and hash-chained and so never rewritten: the entries keep who did what, when and why,
 * and their values become unreadable (shown as {@code {"erased": true}}).
 *
 * <p>Every erasure of a person calls {@link #forget} in the erasure's own transaction, so the key goes exactly when
 * the rest of the person's data goes. A person merged into another keeps their own key (their entries keep their
 * person id): an erasure of the surviving person must forget the keys of everyone merged into them too
 * ({@link #forgetAll}).
 */
@Singleton
public class AuditKeys {

    private final TransactionOperations<Connection> transactions;

    public AuditKeys(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** Forgets the person's key in the caller's transaction (there must be one); true if there was one. */
    public boolean forget(UUID personId) {
        Connection connection = (Connection) transactions.findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException(
                        "An audit key is forgotten in the transaction of the erasure; there is none"))
                .getConnection();
        try {
            return forget(connection, personId) == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not forget a person's audit key", e);
        }
    }

    /** Forgets the person's key on this connection (in its transaction); how many keys went (0 or 1). */
    public static int forget(Connection connection, UUID personId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM dsr_kit.audit_person_key WHERE person_id = ?")) {
            delete.setObject(1, personId);
            return delete.executeUpdate();
        }
    }

    /** Forgets the keys of all these people (a person and everyone merged into them); how many keys went. */
    public static int forgetAll(Connection connection, Collection<UUID> personIds) throws SQLException {
        if (personIds.isEmpty()) {
            return 0;
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM dsr_kit.audit_person_key WHERE person_id = ANY (?)")) {
            delete.setArray(1, connection.createArrayOf("uuid", personIds.toArray()));
            return delete.executeUpdate();
        }
    }

    /**
     * The keys of these people, each made on first use: INSERT ... ON CONFLICT DO NOTHING then SELECT, on the
     * writer's connection, so a key and the first entry it encrypts commit together. Two writers making the same
     * person's first key meet on the primary key: the second waits for the first and then reads its key. People in
     * a fixed order, so two writers with several people each cannot deadlock.
     */
    static Map<UUID, byte[]> keysFor(Connection connection, Collection<UUID> personIds) throws SQLException {
        SortedSet<UUID> people = new TreeSet<>(personIds);
        Map<UUID, byte[]> keys = new HashMap<>();
        if (people.isEmpty()) {
            return keys;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO dsr_kit.audit_person_key (person_id, key) VALUES (?, ?) ON CONFLICT (person_id) DO NOTHING")) {
            for (UUID person : people) {
                insert.setObject(1, person);
                insert.setBytes(2, ErasableValues.newKey());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT person_id, key FROM dsr_kit.audit_person_key WHERE person_id = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("uuid", people.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    keys.put(rows.getObject(1, UUID.class), rows.getBytes(2));
                }
            }
        }
        return keys;
    }
}
