package org.opendsr.referral.adapters.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

/**
 * Serialises work on one NHS number within the caller's transaction, so two referrals for someone new that arrive
 * together find or create the same person instead of two.
 */
@Singleton
public class PersonIdentityLock {

    private final TransactionOperations<Connection> transactions;

    public PersonIdentityLock(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    public void lock(String nhsNumber) {
        Connection connection = (Connection) transactions.findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException("needs the caller's transaction")).getConnection();
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
            lock.setString(1, "nhs-number:" + nhsNumber);
            lock.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not lock the person's identity", e);
        }
    }
}
