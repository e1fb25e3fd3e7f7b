package org.opendsr.meeting.exceptions.adapters.persistence;

import org.opendsr.meeting.shared.application.ExceptionVenues;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.opendsr.contracts.meeting.ExceptionReason;
import org.opendsr.kit.access.PersonScope;
import org.opendsr.meeting.exceptions.application.ExceptionRequests;
import org.opendsr.meeting.exceptions.domain.DeclineReason;
import org.opendsr.meeting.exceptions.domain.ExceptionRequest;
import org.opendsr.meeting.exceptions.domain.ExceptionStatus;

/** The {@code exception_request} table (V5__exceptions_and_bookings.sql). Nothing is deleted. */
@Singleton
class PostgresExceptionRequests implements ExceptionRequests, ExceptionVenues {

    private final JdbcOperations jdbc;

    PostgresExceptionRequests(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ExceptionRequest> find(UUID requestId) {
        return query("SELECT * FROM exception_request WHERE id = ?", requestId);
    }

    @Override
    public Optional<ExceptionRequest> findForUpdate(UUID requestId) {
        return query("SELECT * FROM exception_request WHERE id = ? FOR UPDATE", requestId);
    }

    @Override
    public Optional<String> locationOf(UUID meetingId) {
        return jdbc.prepareStatement("SELECT location FROM exception_request WHERE meeting_id = ?", statement -> {
            statement.setObject(1, meetingId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.<String>empty();
            }
        });
    }

    @Override
    public List<ExceptionRequest> openOfPersonForUpdate(UUID personId) {
        return jdbc.prepareStatement("SELECT * FROM exception_request WHERE person_id = ? "
                + "AND status IN ('REQUESTED', 'SCHEDULED') ORDER BY id FOR UPDATE", statement -> {
                    statement.setObject(1, personId);
                    return read(statement);
                });
    }

    @Override
    public void save(ExceptionRequest request) {
        ExceptionRequest.Snapshot s = request.snapshot();
        jdbc.prepareStatement("""
                INSERT INTO exception_request (id, person_id, area, reason, reason_text, requested_by, requested_at,
                    status, meeting_id, location, decline_reason, decided_by, decided_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, meeting_id = EXCLUDED.meeting_id,
                    location = EXCLUDED.location, decline_reason = EXCLUDED.decline_reason,
                    decided_by = EXCLUDED.decided_by, decided_at = EXCLUDED.decided_at
                """, statement -> {
            statement.setObject(1, s.id());
            statement.setObject(2, s.personId());
            statement.setString(3, s.area());
            statement.setString(4, s.reason().name());
            statement.setString(5, s.reasonText());
            statement.setString(6, s.requestedBy());
            statement.setTimestamp(7, timestamp(s.requestedAt()));
            statement.setString(8, s.status().name());
            statement.setObject(9, s.meetingId());
            statement.setString(10, s.location());
            statement.setString(11, s.declineReason() == null ? null : s.declineReason().name());
            statement.setString(12, s.decidedBy());
            statement.setTimestamp(13, timestamp(s.decidedAt()));
            return statement.executeUpdate();
        });
    }

    @Override
    public List<ExceptionRequest> list(Set<ExceptionStatus> statuses, PersonScope scope, @Nullable After after,
                                       int limit) {
        if (scope.seesNoOne()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT * FROM exception_request WHERE ")
                .append(scope.condition("person_id"));
        if (!statuses.isEmpty()) {
            sql.append(" AND status = ANY (?)");
        }
        if (after != null) {
            sql.append(" AND (requested_at, id) < (?, ?)");
        }
        sql.append(" ORDER BY requested_at DESC, id DESC LIMIT ?");
        return jdbc.prepareStatement(sql.toString(), statement -> {
            int index = scope.bind(statement, 1);
            if (!statuses.isEmpty()) {
                statement.setArray(index++, statement.getConnection().createArrayOf("text",
                        statuses.stream().map(Enum::name).toArray()));
            }
            if (after != null) {
                statement.setTimestamp(index++, timestamp(after.requestedAt()));
                statement.setObject(index++, after.id());
            }
            statement.setInt(index, limit);
            return read(statement);
        });
    }

    private Optional<ExceptionRequest> query(String sql, UUID id) {
        return jdbc.prepareStatement(sql, statement -> {
            statement.setObject(1, id);
            return read(statement);
        }).stream().findFirst();
    }

    private static List<ExceptionRequest> read(PreparedStatement statement) throws SQLException {
        List<ExceptionRequest> found = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                String decline = row.getString("decline_reason");
                found.add(ExceptionRequest.restore(new ExceptionRequest.Snapshot(
                        row.getObject("id", UUID.class), row.getObject("person_id", UUID.class),
                        row.getString("area"), ExceptionReason.valueOf(row.getString("reason")),
                        row.getString("reason_text"), row.getString("requested_by"), instant(row, "requested_at"),
                        ExceptionStatus.valueOf(row.getString("status")), row.getObject("meeting_id", UUID.class),
                        row.getString("location"), decline == null ? null : DeclineReason.valueOf(decline),
                        row.getString("decided_by"), instant(row, "decided_at"))));
            }
        }
        return found;
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp at = row.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
