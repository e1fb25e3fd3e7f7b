package org.opendsr.referral.calendar.adapters.persistence;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.opendsr.referral.calendar.application.BankHolidayPublications;

/** {@link BankHolidayPublications} in PostgreSQL. */
@Singleton
class PostgresBankHolidayPublications implements BankHolidayPublications {

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;

    PostgresBankHolidayPublications(JdbcOperations jdbc, TransactionOperations<Connection> transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public Optional<Stored> latest() {
        return jdbc.prepareStatement("SELECT payload::text, fetched_at FROM bank_holiday_publication WHERE division = ?",
                select -> {
                    select.setString(1, ENGLAND_AND_WALES);
                    try (var rows = select.executeQuery()) {
                        return rows.next()
                                ? Optional.of(new Stored(rows.getString(1), rows.getTimestamp(2).toInstant()))
                                : Optional.empty();
                    }
                });
    }

    @Override
    public Optional<Instant> latestFetchedAt() {
        return jdbc.prepareStatement("SELECT fetched_at FROM bank_holiday_publication WHERE division = ?", select -> {
            select.setString(1, ENGLAND_AND_WALES);
            try (var rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getTimestamp(1).toInstant()) : Optional.empty();
            }
        });
    }

    @Override
    public void store(String json, Instant fetchedAt) {
        // Its own write transaction (or the caller's): the fetch before it held no connection while it waited.
        transactions.executeWrite(status -> jdbc.prepareStatement("INSERT INTO bank_holiday_publication (division, payload, fetched_at)"
                + " VALUES (?, ?::jsonb, ?) ON CONFLICT (division) DO UPDATE"
                + " SET payload = EXCLUDED.payload, fetched_at = EXCLUDED.fetched_at", upsert -> {
            upsert.setString(1, ENGLAND_AND_WALES);
            upsert.setString(2, json);
            upsert.setTimestamp(3, Timestamp.from(fetchedAt));
            return upsert.executeUpdate();
        }));
    }
}
