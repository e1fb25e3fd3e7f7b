package org.opendsr.reporting.store.adapters.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import org.opendsr.kit.messaging.TransientInfrastructureFailure;
import org.opendsr.reporting.store.application.StoreWrites;
import org.opendsr.reporting.store.domain.Projection;

/**
 * The live writes: what a listener's run of events comes to is held for its transaction and written just before it
 * commits ({@link TransactionSynchronization#beforeCommit}), in one fact insert and one person upsert, so that a poll
 * costs a few statements however many events it has. The first write of a transaction reads the rebuilding flag
 * {@code FOR SHARE}: a rebuild that sets it waits for this transaction, and while it is set the listener is refused
 * with the kit's {@link TransientInfrastructureFailure}, so that it retries the partition later with its backoff.
 * A merge or an erasure is written at once (after what is held before it); facts of an erased person are not written
 * back ({@link StoreRows.Pending}).
 */
@Singleton
public class PostgresStoreWrites implements StoreWrites {

    private final TransactionOperations<Connection> transactions;
    /** The pending writes of the transaction running on this thread (a listener thread runs one at a time). */
    private final ThreadLocal<Held> held = new ThreadLocal<>();

    public PostgresStoreWrites(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public long append(Projection projection) {
        TransactionStatus<?> status = transactions.findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException("the store is written in the listener's transaction"));
        Connection connection = (Connection) status.getConnection();
        Held current = held.get();
        if (current == null || current.connection != connection) {
            refuseWhileRebuilding(connection);
            current = new Held(connection);
            held.set(current);
            Held registered = current;
            status.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    try {
                        registered.pending.write(registered.connection);
                    } catch (SQLException e) {
                        throw new IllegalStateException("Could not write the store", e);
                    }
                }

                @Override
                public void afterCompletion(Status status) {
                    if (held.get() == registered) {
                        held.remove();
                    }
                }
            });
        }
        current.pending.add(projection);
        if (projection.changes().isEmpty()) {
            return 0;
        }
        // A merge or an erasure now, after what is held before it: the listener confirms an erasure with its count.
        try {
            return current.pending.write(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the store", e);
        }
    }

    private static void refuseWhileRebuilding(Connection connection) {
        boolean rebuilding;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT rebuilding FROM reporting_store_state FOR SHARE");
             ResultSet row = select.executeQuery()) {
            rebuilding = row.next() && row.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the store's state", e);
        }
        if (rebuilding) {
            throw new TransientInfrastructureFailure("the reporting store is being rebuilt; events wait for it", null);
        }
    }

    private static final class Held {
        final Connection connection;
        final StoreRows.Pending pending = new StoreRows.Pending(true);

        Held(Connection connection) {
            this.connection = connection;
        }
    }
}
