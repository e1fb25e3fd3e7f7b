package org.opendsr.reporting.snapshots.adapters.persistence;

import java.sql.Connection;

import io.micronaut.transaction.TransactionOperations;

/** The caller's transaction's connection: every snapshot adapter runs inside the application's transaction. */
final class Transactions {

    private Transactions() {
    }

    static Connection connection(TransactionOperations<Connection> transactions) {
        return (Connection) transactions.findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException("needs the caller's transaction")).getConnection();
    }
}
