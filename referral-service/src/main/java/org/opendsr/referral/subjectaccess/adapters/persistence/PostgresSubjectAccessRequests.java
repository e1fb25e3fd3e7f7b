package org.opendsr.referral.subjectaccess.adapters.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.opendsr.referral.subjectaccess.application.SubjectAccessRequests;
import org.opendsr.referral.subjectaccess.domain.RequestedBy;
import org.opendsr.referral.subjectaccess.domain.SubjectAccessRequest;

/** {@link SubjectAccessRequests} in PostgreSQL ({@code subject_access_request}, {@code _contribution}, V28). */
@Singleton
class PostgresSubjectAccessRequests implements SubjectAccessRequests {

    private static final String COLUMNS = "id, person_id, received_on, requested_by, note, extension_months,"
            + " extension_reason, state, last_exported_at, sent_on, recorded_by, recorded_at";

    private final JdbcOperations jdbc;

    PostgresSubjectAccessRequests(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(SubjectAccessRequest request) {
        jdbc.prepareStatement("INSERT INTO subject_access_request (" + COLUMNS + ")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", insert -> {
                    insert.setObject(1, request.id());
                    insert.setObject(2, request.personId());
                    insert.setDate(3, Date.valueOf(request.receivedOn()));
                    insert.setString(4, request.requestedBy().name());
                    insert.setString(5, request.note());
                    insert.setInt(6, request.extensionMonths());
                    insert.setString(7, request.extensionReason());
                    insert.setString(8, request.state().name());
                    insert.setTimestamp(9, timestamp(request.lastExportedAt()));
                    insert.setDate(10, request.sentOn() == null ? null : Date.valueOf(request.sentOn()));
                    insert.setString(11, request.recordedBy());
                    insert.setTimestamp(12, Timestamp.from(request.recordedAt()));
                    return insert.executeUpdate();
                });
    }

    @Override
    public void save(SubjectAccessRequest request) {
        jdbc.prepareStatement("UPDATE subject_access_request SET extension_months = ?, extension_reason = ?,"
                + " state = ?, last_exported_at = ?, sent_on = ? WHERE id = ?", update -> {
                    update.setInt(1, request.extensionMonths());
                    update.setString(2, request.extensionReason());
                    update.setString(3, request.state().name());
                    update.setTimestamp(4, timestamp(request.lastExportedAt()));
                    update.setDate(5, request.sentOn() == null ? null : Date.valueOf(request.sentOn()));
                    update.setObject(6, request.id());
                    return update.executeUpdate();
                });
        jdbc.prepareStatement("DELETE FROM subject_access_contribution WHERE request_id = ?", delete -> {
            delete.setObject(1, request.id());
            return delete.executeUpdate();
        });
        for (Map.Entry<String, Instant> contribution : request.contributedAt().entrySet()) {
            jdbc.prepareStatement("INSERT INTO subject_access_contribution (request_id, service, contributed_at)"
                    + " VALUES (?, ?, ?)", insert -> {
                        insert.setObject(1, request.id());
                        insert.setString(2, contribution.getKey());
                        insert.setTimestamp(3, Timestamp.from(contribution.getValue()));
                        return insert.executeUpdate();
                    });
        }
    }

    @Override
    public Optional<SubjectAccessRequest> byIdForUpdate(UUID id) {
        return one("SELECT " + COLUMNS + " FROM subject_access_request WHERE id = ? FOR UPDATE", id);
    }

    @Override
    public Optional<SubjectAccessRequest> byId(UUID id) {
        return one("SELECT " + COLUMNS + " FROM subject_access_request WHERE id = ?", id);
    }

    @Override
    public List<SubjectAccessRequest> newestFirst(boolean openOnly, int limit) {
        List<Row> rows = jdbc.prepareStatement("SELECT " + COLUMNS + " FROM subject_access_request"
                + (openOnly ? " WHERE state <> 'SENT'" : "") + " ORDER BY received_on DESC, recorded_at DESC, id"
                + " LIMIT ?", select -> {
                    select.setInt(1, limit);
                    return rows(select.executeQuery());
                });
        return withContributions(rows);
    }

    private Optional<SubjectAccessRequest> one(String sql, UUID id) {
        List<Row> rows = jdbc.prepareStatement(sql, select -> {
            select.setObject(1, id);
            return rows(select.executeQuery());
        });
        return withContributions(rows).stream().findFirst();
    }

    private List<SubjectAccessRequest> withContributions(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, Map<String, Instant>> contributions = new HashMap<>();
        jdbc.prepareStatement("SELECT request_id, service, contributed_at FROM subject_access_contribution"
                + " WHERE request_id = ANY (?)", select -> {
                    select.setArray(1, select.getConnection().createArrayOf("uuid",
                            rows.stream().map(row -> row.id).toArray()));
                    try (ResultSet found = select.executeQuery()) {
                        while (found.next()) {
                            contributions.computeIfAbsent(found.getObject(1, UUID.class), id -> new HashMap<>())
                                    .put(found.getString(2), found.getTimestamp(3).toInstant());
                        }
                    }
                    return null;
                });
        return rows.stream().map(row -> row.toRequest(contributions.getOrDefault(row.id, Map.of()))).toList();
    }

    private static List<Row> rows(ResultSet found) throws SQLException {
        try (found) {
            List<Row> rows = new ArrayList<>();
            while (found.next()) {
                rows.add(new Row(found.getObject("id", UUID.class), found.getObject("person_id", UUID.class),
                        found.getDate("received_on").toLocalDate(), found.getString("requested_by"),
                        found.getString("note"), found.getInt("extension_months"),
                        found.getString("extension_reason"), found.getString("state"),
                        instant(found.getTimestamp("last_exported_at")),
                        found.getDate("sent_on") == null ? null : found.getDate("sent_on").toLocalDate(),
                        found.getString("recorded_by"), found.getTimestamp("recorded_at").toInstant()));
            }
            return rows;
        }
    }

    private record Row(UUID id, UUID personId, java.time.LocalDate receivedOn, String requestedBy, String note,
                       int extensionMonths, String extensionReason, String state, Instant lastExportedAt,
                       java.time.LocalDate sentOn, String recordedBy, Instant recordedAt) {

        SubjectAccessRequest toRequest(Map<String, Instant> contributedAt) {
            return new SubjectAccessRequest(id, personId, receivedOn, RequestedBy.valueOf(requestedBy), note,
                    extensionMonths, extensionReason, SubjectAccessRequest.State.valueOf(state), contributedAt,
                    lastExportedAt, sentOn, recordedBy, recordedAt);
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
