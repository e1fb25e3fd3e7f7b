package org.opendsr.kit.locks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.opendsr.kit.ports.Locks;

/**
 * {@link Locks} as PostgreSQL transaction-scoped advisory locks keyed by {@code hashtext(name)}: released by
 * PostgreSQL when the caller's transaction ends, so a crashed replica never leaves one behind. Each service has its
 * own database, so names only need to be unique within a service. Outside a transaction the lock would end with
 * the statement, protecting nothing: that is refused.
 */
@Singleton
public class PostgresAdvisoryLocks implements Locks {

    private final TransactionOperations<Connection> transactions;

    public PostgresAdvisoryLocks(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public void lock(String name) {
        try (PreparedStatement lock = connection().prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
            lock.setString(1, name);
            lock.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take an advisory lock", e);
        }
    }

    @Override
    public boolean tryLock(String name) {
        try (PreparedStatement lock = connection().prepareStatement("SELECT pg_try_advisory_xact_lock(hashtext(?))")) {
            lock.setString(1, name);
            try (ResultSet result = lock.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not try an advisory lock", e);
        }
    }

    private Connection connection() {
        return (Connection) transactions.findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException("an advisory lock needs the caller's transaction"))
                .getConnection();
    }
}
