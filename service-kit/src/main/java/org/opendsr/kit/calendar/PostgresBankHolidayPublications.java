package org.opendsr.kit.calendar;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

/** {@link BankHolidayPublications} in PostgreSQL: the kit's table, in each service's own database. */
@Singleton
class PostgresBankHolidayPublications implements BankHolidayPublications {

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;

    PostgresBankHolidayPublications(JdbcOperations jdbc, TransactionOperations<Connection> transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    // Reads and writes take their own transaction (or join the caller's): the schedule and a replica's recheck call
    // them from outside any.
    @Override
    public Optional<Stored> latest() {
        return transactions.executeRead(status -> jdbc.prepareStatement(
                "SELECT payload::text, fetched_at FROM dsr_kit.bank_holiday_publication WHERE division = ?", select -> {
                    select.setString(1, ENGLAND_AND_WALES);
                    try (var rows = select.executeQuery()) {
                        return rows.next()
                                ? Optional.of(new Stored(rows.getString(1), rows.getTimestamp(2).toInstant()))
                                : Optional.empty();
                    }
                }));
    }

    @Override
    public Optional<Instant> latestFetchedAt() {
        return transactions.executeRead(status -> jdbc.prepareStatement(
                "SELECT fetched_at FROM dsr_kit.bank_holiday_publication WHERE division = ?", select -> {
                    select.setString(1, ENGLAND_AND_WALES);
                    try (var rows = select.executeQuery()) {
                        return rows.next() ? Optional.of(rows.getTimestamp(1).toInstant()) : Optional.empty();
                    }
                }));
    }

    @Override
    public void store(String json, Instant fetchedAt) {
        // The fetch before it held no connection while it waited; this is its own write transaction.
        // Replicas may refresh at the same moment: the newest fetch wins, an older one never overwrites it.
        transactions.executeWrite(status -> jdbc.prepareStatement(
                "INSERT INTO dsr_kit.bank_holiday_publication AS stored (division, payload, fetched_at)"
                        + " VALUES (?, ?::jsonb, ?) ON CONFLICT (division) DO UPDATE"
                        + " SET payload = EXCLUDED.payload, fetched_at = EXCLUDED.fetched_at"
                        + " WHERE stored.fetched_at <= EXCLUDED.fetched_at", upsert -> {
                    upsert.setString(1, ENGLAND_AND_WALES);
                    upsert.setString(2, json);
                    upsert.setTimestamp(3, Timestamp.from(fetchedAt));
                    return upsert.executeUpdate();
                }));
    }
}
