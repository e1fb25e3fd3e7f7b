package org.opendsr.referral.calendar.adapters.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

/**
 * The last good copy of GOV.UK's bank holidays, kept in the database so every replica works from the same dates.
 */
@Singleton
public class BankHolidayPublications {

    /** GOV.UK's division for England and Wales. */
    public static final String ENGLAND_AND_WALES = "england-and-wales";

    private final JdbcOperations jdbc;

    public BankHolidayPublications(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored publication: GOV.UK's JSON for the division, and when it was fetched. */
    public record Stored(String json, Instant fetchedAt) {
    }

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

    public Optional<Instant> latestFetchedAt() {
        return jdbc.prepareStatement("SELECT fetched_at FROM bank_holiday_publication WHERE division = ?", select -> {
            select.setString(1, ENGLAND_AND_WALES);
            try (var rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getTimestamp(1).toInstant()) : Optional.empty();
            }
        });
    }

    public void store(String json, Instant fetchedAt) {
        jdbc.prepareStatement("INSERT INTO bank_holiday_publication (division, payload, fetched_at)"
                + " VALUES (?, ?::jsonb, ?) ON CONFLICT (division) DO UPDATE"
                + " SET payload = EXCLUDED.payload, fetched_at = EXCLUDED.fetched_at", upsert -> {
            upsert.setString(1, ENGLAND_AND_WALES);
            upsert.setString(2, json);
            upsert.setTimestamp(3, Timestamp.from(fetchedAt));
            return upsert.executeUpdate();
        });
    }
}
