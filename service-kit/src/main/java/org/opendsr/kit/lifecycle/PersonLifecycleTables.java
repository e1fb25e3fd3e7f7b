package org.opendsr.kit.lifecycle;

import java.sql.Connection;

import io.micronaut.transaction.TransactionOperations;

/**
 * Where the kit's person-lifecycle classes find the caller's transaction. Their tables ({@code merged_person},
 * {@code processing_restriction}) are created by each service's own migration (consent V6, risk V8, meeting V8) with
 * the same DDL, in the service's {@code public} schema: the kit's own migrations belong to another change of issue 16,
 * and these tables can move to a kit migration later without any code here changing (they are named unqualified, so
 * the search path finds them).
 */
final class PersonLifecycleTables {

    private PersonLifecycleTables() {
    }

    static Connection current(TransactionOperations<Connection> transactions, String what) {
        return (Connection) transactions.findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException(what + " runs in the caller's transaction"))
                .getConnection();
    }
}
