package org.opendsr.referral.careteam.adapters.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.opendsr.contracts.access.CareTeamRole;
import org.opendsr.referral.careteam.domain.Membership;
import org.opendsr.referral.careteam.domain.Memberships;

/** Care-team memberships in PostgreSQL ({@code care_team_membership}). */
@Singleton
class PostgresMemberships implements Memberships {

    private static final String COLUMNS = "id, person_id, subject, role, reason, referral_id, register_entry_id,"
            + " started_at, started_by, ends_at, ended_at, ended_by, end_reason, reviewed_at, reviewed_by";

    private final JdbcOperations jdbc;

    PostgresMemberships(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Membership> ofPerson(UUID personId) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM care_team_membership WHERE person_id = ?"
                + " ORDER BY started_at, id", select -> {
            select.setObject(1, personId);
            return all(select);
        });
    }

    @Override
    public Optional<Membership> byId(UUID membershipId) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM care_team_membership WHERE id = ?", select -> {
            select.setObject(1, membershipId);
            return all(select).stream().findFirst();
        });
    }

    @Override
    public void save(Membership m) {
        jdbc.prepareStatement("INSERT INTO care_team_membership (" + COLUMNS + ")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                + " ends_at = EXCLUDED.ends_at, ended_at = EXCLUDED.ended_at, ended_by = EXCLUDED.ended_by,"
                + " end_reason = EXCLUDED.end_reason, reviewed_at = EXCLUDED.reviewed_at,"
                + " reviewed_by = EXCLUDED.reviewed_by", insert -> {
            insert.setObject(1, m.id());
            insert.setObject(2, m.personId());
            insert.setString(3, m.subject());
            insert.setString(4, m.role().name());
            insert.setString(5, m.reason());
            insert.setObject(6, m.referralId());
            insert.setObject(7, m.registerEntryId());
            insert.setTimestamp(8, timestamp(m.startedAt()));
            insert.setString(9, m.startedBy());
            insert.setTimestamp(10, timestamp(m.endsAt()));
            insert.setTimestamp(11, timestamp(m.endedAt()));
            insert.setString(12, m.endedBy());
            insert.setString(13, m.endReason());
            insert.setTimestamp(14, timestamp(m.reviewedAt()));
            insert.setString(15, m.reviewedBy());
            return insert.executeUpdate();
        });
    }

    @Override
    public List<Membership> breakGlass(boolean unreviewedOnly, Instant startedBefore, UUID idBefore, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM care_team_membership WHERE role = 'BREAK_GLASS'"
                + (unreviewedOnly ? " AND reviewed_at IS NULL" : "")
                + (startedBefore != null ? " AND (started_at, id) < (?, ?)" : "")
                + " ORDER BY started_at DESC, id DESC LIMIT ?";
        return jdbc.prepareStatement(sql, select -> {
            int i = 1;
            if (startedBefore != null) {
                select.setTimestamp(i++, timestamp(startedBefore));
                select.setObject(i++, idBefore == null ? new UUID(-1L, -1L) : idBefore);
            }
            select.setInt(i, limit);
            return all(select);
        });
    }

    private static List<Membership> all(PreparedStatement select) throws SQLException {
        List<Membership> found = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                found.add(new Membership(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class),
                        rows.getString(3), CareTeamRole.valueOf(rows.getString(4)), rows.getString(5),
                        rows.getObject(6, UUID.class), rows.getObject(7, UUID.class), instant(rows, 8),
                        rows.getString(9), instant(rows, 10), instant(rows, 11), rows.getString(12),
                        rows.getString(13), instant(rows, 14), rows.getString(15)));
            }
        }
        return found;
    }

    static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    static Instant instant(ResultSet rows, int column) throws SQLException {
        Timestamp at = rows.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
