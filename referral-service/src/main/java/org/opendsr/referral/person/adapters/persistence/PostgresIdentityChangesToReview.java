package org.opendsr.referral.person.adapters.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.kit.access.PersonScope;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.opendsr.referral.person.application.IdentityChangesToReview;

/** {@link IdentityChangesToReview} in PostgreSQL. */
@Singleton
class PostgresIdentityChangesToReview implements IdentityChangesToReview {

    private static final String COLUMNS = "id, person_id, given_name, family_name, date_of_birth, nhs_number,"
            + " requested_by, requested_at";

    private final JdbcOperations jdbc;

    PostgresIdentityChangesToReview(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void hold(HeldChange change) {
        jdbc.prepareStatement("INSERT INTO identity_change_to_review (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                insert -> {
                    insert.setObject(1, change.id());
                    insert.setObject(2, change.personId());
                    insert.setString(3, change.givenName());
                    insert.setString(4, change.familyName());
                    insert.setDate(5, Date.valueOf(change.dateOfBirth()));
                    insert.setString(6, change.nhsNumber());
                    insert.setString(7, change.requestedBy());
                    insert.setTimestamp(8, Timestamp.from(change.requestedAt()));
                    return insert.executeUpdate();
                });
    }

    @Override
    public Optional<HeldChange> open(UUID changeId) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM identity_change_to_review"
                + " WHERE id = ? AND resolution IS NULL", select -> {
            select.setObject(1, changeId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(change(rows)) : Optional.<HeldChange>empty();
            }
        });
    }

    @Override
    public List<HeldChange> oldestOpen(@Nullable UUID after, int size, PersonScope scope) {
        // Keyset on (requested_at, id), the open changes' index: no OFFSET, however long the list grows. Only the
        // people the caller may see (issue 11): the list shows each one's identity, old and new.
        String sql = "SELECT " + COLUMNS + " FROM identity_change_to_review WHERE resolution IS NULL AND "
                + scope.condition("person_id")
                + (after == null ? "" : " AND (requested_at, id) > (SELECT requested_at, id"
                + " FROM identity_change_to_review WHERE id = ?)")
                + " ORDER BY requested_at, id LIMIT ?";
        return jdbc.prepareStatement(sql, select -> {
            int index = scope.bind(select, 1);
            if (after != null) {
                select.setObject(index++, after);
            }
            select.setInt(index, size);
            List<HeldChange> changes = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    changes.add(change(rows));
                }
            }
            return changes;
        });
    }

    @Override
    public void resolve(UUID changeId, String resolution, @Nullable String reason, String resolvedBy, Instant at) {
        jdbc.prepareStatement("UPDATE identity_change_to_review SET resolution = ?, reason = ?, resolved_by = ?,"
                + " resolved_at = ? WHERE id = ? AND resolution IS NULL", update -> {
            update.setString(1, resolution);
            update.setString(2, reason);
            update.setString(3, resolvedBy);
            update.setTimestamp(4, Timestamp.from(at));
            update.setObject(5, changeId);
            return update.executeUpdate();
        });
    }

    private static HeldChange change(ResultSet rows) throws SQLException {
        return new HeldChange(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class), rows.getString(3),
                rows.getString(4), rows.getDate(5).toLocalDate(), rows.getString(6), rows.getString(7),
                rows.getTimestamp(8).toInstant());
    }
}
