package org.opendsr.referral.person.adapters.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.opendsr.referral.person.application.DuplicateFlags;

/** {@link DuplicateFlags} in PostgreSQL. */
@Singleton
class PostgresDuplicateFlags implements DuplicateFlags {

    private final JdbcOperations jdbc;

    PostgresDuplicateFlags(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean flag(UUID one, UUID other, Instant at) {
        // PostgreSQL orders UUIDs by their bytes, as their text sorts; UUID.compareTo compares signed longs.
        UUID a = one.toString().compareTo(other.toString()) < 0 ? one : other;
        UUID b = a.equals(one) ? other : one;
        return jdbc.prepareStatement("INSERT INTO possible_duplicate (id, person_a, person_b, flagged_at)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (person_a, person_b) DO NOTHING", insert -> {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, a);
            insert.setObject(3, b);
            insert.setTimestamp(4, Timestamp.from(at));
            return insert.executeUpdate() == 1;
        });
    }

    @Override
    public Optional<UUID[]> openPair(UUID flagId) {
        return jdbc.prepareStatement("SELECT person_a, person_b FROM possible_duplicate WHERE id = ?"
                + " AND resolved_at IS NULL", select -> {
            select.setObject(1, flagId);
            try (var rows = select.executeQuery()) {
                return rows.next()
                        ? Optional.of(new UUID[] {rows.getObject(1, UUID.class), rows.getObject(2, UUID.class)})
                        : Optional.empty();
            }
        });
    }

    @Override
    public void resolve(UUID flagId, String resolution, String resolvedBy, Instant at) {
        jdbc.prepareStatement("UPDATE possible_duplicate SET resolved_at = ?, resolved_by = ?, resolution = ?"
                + " WHERE id = ?", update -> {
            update.setTimestamp(1, Timestamp.from(at));
            update.setString(2, resolvedBy);
            update.setString(3, resolution);
            update.setObject(4, flagId);
            return update.executeUpdate();
        });
    }
}
