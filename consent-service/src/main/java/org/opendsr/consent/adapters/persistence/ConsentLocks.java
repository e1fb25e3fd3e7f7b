package org.opendsr.consent.adapters.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

/**
 * PostgreSQL advisory locks held until the caller's transaction ends, so that replicas of the service take turns
 * where a row lock alone cannot: on a person who has no consent row yet, and on the lifecycle run as a whole.
 */
@Singleton
public class ConsentLocks {

    /** "DSRC": the namespace of consent-service's two-key locks. */
    private static final int PERSON_NAMESPACE = 0x44535243;
    /** One key for the whole lifecycle run ("DSRCLIFE"). */
    private static final long LIFECYCLE_RUN = 0x445352434C494645L;

    private final TransactionOperations<Connection> transactions;

    public ConsentLocks(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** Serialises recording consent for one person, so two requests cannot both find no open consent. */
    public void lockPerson(UUID personId) {
        execute("SELECT pg_advisory_xact_lock(?, hashtext(?))", statement -> {
            statement.setInt(1, PERSON_NAMESPACE);
            statement.setString(2, personId.toString());
        });
    }

    /** One lifecycle run at a time across all replicas; a second waits, then finds nothing left to do. */
    public void lockLifecycleRun() {
        execute("SELECT pg_advisory_xact_lock(?)", statement -> statement.setLong(1, LIFECYCLE_RUN));
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private void execute(String sql, Binder binder) {
        Connection connection = (Connection) transactions.findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException("an advisory lock needs the caller's transaction"))
                .getConnection();
        try (PreparedStatement lock = connection.prepareStatement(sql)) {
            binder.bind(lock);
            lock.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take an advisory lock", e);
        }
    }
}
