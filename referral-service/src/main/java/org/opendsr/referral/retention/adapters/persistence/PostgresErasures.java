package org.opendsr.referral.retention.adapters.persistence;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.opendsr.contracts.lifecycle.ErasureGrounds;
import org.opendsr.referral.retention.application.Erasures;
import org.opendsr.referral.retention.domain.Article17Ground;

/** {@link Erasures} in PostgreSQL ({@code person_erasure}, {@code erasure_confirmation}). */
@Singleton
class PostgresErasures implements Erasures {

    private static final String COLUMNS = "person_id, grounds, request_ground, erased_at, erased_by, rows_erased";

    private final JdbcOperations jdbc;

    PostgresErasures(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(Erasure erasure) {
        jdbc.prepareStatement("INSERT INTO person_erasure (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (person_id) DO NOTHING", insert -> {
            insert.setObject(1, erasure.personId());
            insert.setString(2, erasure.grounds().name());
            insert.setString(3, erasure.requestGround() == null ? null : erasure.requestGround().name());
            insert.setTimestamp(4, Timestamp.from(erasure.erasedAt()));
            insert.setString(5, erasure.erasedBy());
            insert.setLong(6, erasure.rowsErased());
            return insert.executeUpdate();
        });
    }

    @Override
    public Optional<Erasure> of(UUID personId) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM person_erasure WHERE person_id = ?", select -> {
            select.setObject(1, personId);
            return erasures(select.executeQuery()).stream().findFirst();
        });
    }

    @Override
    public List<Erasure> newest(Instant beforeErasedAt, UUID beforePersonId, int limit) {
        String after = beforeErasedAt == null ? "" : " WHERE (erased_at, person_id) < (?, ?)";
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM person_erasure" + after
                + " ORDER BY erased_at DESC, person_id DESC LIMIT ?", select -> {
            int i = 1;
            if (beforeErasedAt != null) {
                select.setTimestamp(i++, Timestamp.from(beforeErasedAt));
                select.setObject(i++, beforePersonId);
            }
            select.setInt(i, limit);
            return erasures(select.executeQuery());
        });
    }

    @Override
    public long count() {
        return jdbc.prepareStatement("SELECT count(*) FROM person_erasure", select -> {
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    @Override
    public List<Confirmation> confirmationsOf(List<UUID> personIds) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        return jdbc.prepareStatement("SELECT person_id, service, records_erased, erased_at, received_at"
                + " FROM erasure_confirmation WHERE person_id = ANY (?) ORDER BY received_at, service", select -> {
            select.setArray(1, select.getConnection().createArrayOf("uuid", personIds.toArray()));
            List<Confirmation> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new Confirmation(rows.getObject(1, UUID.class), rows.getString(2), rows.getLong(3),
                            rows.getTimestamp(4).toInstant(), rows.getTimestamp(5).toInstant()));
                }
            }
            return found;
        });
    }

    @Override
    public boolean confirm(Confirmation confirmation) {
        return jdbc.prepareStatement("INSERT INTO erasure_confirmation (person_id, service, records_erased, erased_at,"
                + " received_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (person_id, service) DO NOTHING", insert -> {
            insert.setObject(1, confirmation.personId());
            insert.setString(2, confirmation.service());
            insert.setLong(3, confirmation.recordsErased());
            insert.setTimestamp(4, Timestamp.from(confirmation.erasedAt()));
            insert.setTimestamp(5, Timestamp.from(confirmation.receivedAt()));
            return insert.executeUpdate() == 1;
        });
    }

    private static List<Erasure> erasures(ResultSet rows) throws java.sql.SQLException {
        try (rows) {
            List<Erasure> found = new ArrayList<>();
            while (rows.next()) {
                String ground = rows.getString("request_ground");
                found.add(new Erasure(rows.getObject("person_id", UUID.class),
                        ErasureGrounds.valueOf(rows.getString("grounds")),
                        ground == null ? null : Article17Ground.valueOf(ground),
                        rows.getTimestamp("erased_at").toInstant(), rows.getString("erased_by"),
                        rows.getLong("rows_erased")));
            }
            return found;
        }
    }
}
