package org.opendsr.referral.rights.adapters.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.opendsr.referral.rights.application.Objections;
import org.opendsr.referral.rights.domain.Objection;
import org.opendsr.referral.rights.domain.ObjectionDecision;
import org.opendsr.referral.rights.domain.ObjectionGround;

/** {@link Objections} in PostgreSQL. */
@Singleton
class PostgresObjections implements Objections {

    private static final String COLUMNS = "id, person_id, received_on, objects_to, details, decision, decided_by,"
            + " decided_at, recorded_by, recorded_at";

    private final JdbcOperations jdbc;

    PostgresObjections(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Objection> ofPerson(UUID personId) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM objection WHERE person_id = ?"
                + " ORDER BY received_on, recorded_at, id", select -> {
            select.setObject(1, personId);
            return objections(select);
        });
    }

    @Override
    public Optional<Objection> byId(UUID objectionId) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM objection WHERE id = ?", select -> {
            select.setObject(1, objectionId);
            return objections(select).stream().findFirst();
        });
    }

    @Override
    public void add(Objection objection) {
        jdbc.prepareStatement("INSERT INTO objection (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                insert -> {
                    insert.setObject(1, objection.id());
                    insert.setObject(2, objection.personId());
                    insert.setObject(3, objection.receivedOn());
                    insert.setString(4, objection.objectsTo().name());
                    insert.setString(5, objection.details());
                    insert.setString(6, objection.decision() == null ? null : objection.decision().name());
                    insert.setString(7, objection.decidedBy());
                    insert.setTimestamp(8, timestamp(objection.decidedAt()));
                    insert.setString(9, objection.recordedBy());
                    insert.setTimestamp(10, timestamp(objection.recordedAt()));
                    return insert.executeUpdate();
                });
    }

    @Override
    public void decide(Objection decided) {
        jdbc.prepareStatement("UPDATE objection SET decision = ?, decided_by = ?, decided_at = ? WHERE id = ?",
                update -> {
                    update.setString(1, decided.decision().name());
                    update.setString(2, decided.decidedBy());
                    update.setTimestamp(3, timestamp(decided.decidedAt()));
                    update.setObject(4, decided.id());
                    return update.executeUpdate();
                });
    }

    private static List<Objection> objections(PreparedStatement select) throws SQLException {
        List<Objection> found = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String decision = rows.getString(6);
                Timestamp decidedAt = rows.getTimestamp(8);
                found.add(new Objection(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class),
                        rows.getObject(3, LocalDate.class), ObjectionGround.valueOf(rows.getString(4)),
                        rows.getString(5), decision == null ? null : ObjectionDecision.valueOf(decision),
                        rows.getString(7), decidedAt == null ? null : decidedAt.toInstant(), rows.getString(9),
                        rows.getTimestamp(10).toInstant()));
            }
        }
        return found;
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
