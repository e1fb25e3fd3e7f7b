package org.opendsr.referral.careteam.adapters.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.opendsr.kit.access.PersonScope;
import org.opendsr.referral.careteam.application.CareTeamWorklists;
import org.opendsr.referral.careteam.domain.JoinRequest;
import org.opendsr.referral.careteam.domain.JoinRequests;

/** Requests to join care teams in PostgreSQL ({@code care_team_request}), and the DSR team's worklist of them. */
@Singleton
class PostgresJoinRequests implements JoinRequests, CareTeamWorklists {

    private static final String COLUMNS = "id, person_id, subject, requested_by, requested_at, referral_id, decision,"
            + " decided_at, decided_by, membership_id";

    private final JdbcOperations jdbc;

    PostgresJoinRequests(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<JoinRequest> ofPerson(UUID personId) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM care_team_request WHERE person_id = ?"
                + " ORDER BY requested_at, id", select -> {
            select.setObject(1, personId);
            return all(select);
        });
    }

    @Override
    public Optional<JoinRequest> byId(UUID requestId) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM care_team_request WHERE id = ?", select -> {
            select.setObject(1, requestId);
            return all(select).stream().findFirst();
        });
    }

    @Override
    public void save(JoinRequest r) {
        jdbc.prepareStatement("INSERT INTO care_team_request (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (id) DO UPDATE SET decision = EXCLUDED.decision, decided_at = EXCLUDED.decided_at,"
                + " decided_by = EXCLUDED.decided_by, membership_id = EXCLUDED.membership_id", insert -> {
            insert.setObject(1, r.id());
            insert.setObject(2, r.personId());
            insert.setString(3, r.subject());
            insert.setString(4, r.requestedBy());
            insert.setTimestamp(5, PostgresMemberships.timestamp(r.requestedAt()));
            insert.setObject(6, r.referralId());
            insert.setString(7, r.decision());
            insert.setTimestamp(8, PostgresMemberships.timestamp(r.decidedAt()));
            insert.setString(9, r.decidedBy());
            insert.setObject(10, r.membershipId());
            return insert.executeUpdate();
        });
    }

    @Override
    public List<JoinRequest> pendingRequests(PersonScope scope, @Nullable Instant requestedAfter,
                                             @Nullable UUID idAfter, int limit) {
        if (scope.seesNoOne()) {
            return List.of();
        }
        String sql = "SELECT " + COLUMNS + " FROM care_team_request q WHERE q.decision IS NULL AND "
                + scope.condition("q.person_id")
                + (requestedAfter != null ? " AND (q.requested_at, q.id) > (?, ?)" : "")
                + " ORDER BY q.requested_at, q.id LIMIT ?";
        return jdbc.prepareStatement(sql, select -> {
            int i = scope.bind(select, 1);
            if (requestedAfter != null) {
                select.setTimestamp(i++, PostgresMemberships.timestamp(requestedAfter));
                select.setObject(i++, idAfter == null ? new UUID(0L, 0L) : idAfter);
            }
            select.setInt(i, limit);
            return all(select);
        });
    }

    private static List<JoinRequest> all(PreparedStatement select) throws SQLException {
        List<JoinRequest> found = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                found.add(new JoinRequest(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class),
                        rows.getString(3), rows.getString(4), PostgresMemberships.instant(rows, 5),
                        rows.getObject(6, UUID.class), rows.getString(7), PostgresMemberships.instant(rows, 8),
                        rows.getString(9), rows.getObject(10, UUID.class)));
            }
        }
        return found;
    }
}
