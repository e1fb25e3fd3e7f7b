package org.opendsr.consent.adapters.persistence;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.opendsr.consent.application.ConsentAudit;

/**
 * The consent audit in consent-service's own append-only table {@code consent_audit} (V5: a trigger refuses UPDATE,
 * DELETE and TRUNCATE). The values may be personal data: they stay in this database and never reach a log line.
 */
@Singleton
class PostgresConsentAudit implements ConsentAudit {

    private static final String INSERT = "INSERT INTO consent_audit (occurred_at, actor, actor_roles, action, "
            + "person_id, what, purpose, outcome, old_values, new_values) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)";

    private final TransactionOperations<Connection> transactions;
    private final JsonMapper json;

    PostgresConsentAudit(TransactionOperations<Connection> transactions, JsonMapper json) {
        this.transactions = transactions;
        this.json = json;
    }

    @Override
    public void append(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Connection connection = (Connection) transactions.findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException(
                        "A consent audit entry is written in the transaction of what it records; there is none"))
                .getConnection();
        insert(connection, entries);
    }

    @Override
    public void appendInItsOwnTransaction(Entry entry) {
        transactions.execute(TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW), status -> {
            insert(status.getConnection(), List.of(entry));
            return null;
        });
    }

    private void insert(Connection connection, List<Entry> entries) {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Entry entry : entries) {
                insert.setTimestamp(1, Timestamp.from(entry.at()));
                insert.setString(2, entry.actor());
                insert.setString(3, entry.actorRoles());
                insert.setString(4, entry.action().name());
                insert.setObject(5, entry.personId());
                insert.setString(6, entry.what());
                insert.setString(7, entry.purpose().name());
                insert.setString(8, entry.outcome().name());
                insert.setString(9, jsonOf(entry.before()));
                insert.setString(10, jsonOf(entry.after()));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the consent audit", e);
        }
    }

    private String jsonOf(Map<String, String> values) {
        if (values == null) {
            return null;
        }
        try {
            return json.writeValueAsString(values);
        } catch (IOException e) {
            throw new IllegalStateException("Could not write audited values as JSON");
        }
    }
}
