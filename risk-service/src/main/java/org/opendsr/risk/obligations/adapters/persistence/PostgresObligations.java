package org.opendsr.risk.obligations.adapters.persistence;

import java.sql.Array;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.contracts.risk.ObligationKind;
import org.opendsr.contracts.risk.ReviewType;
import org.opendsr.kit.access.PersonScope;
import org.opendsr.kit.paging.WorklistPage;
import org.opendsr.risk.obligations.application.FollowedBookings;
import org.opendsr.risk.obligations.application.ObligationWorklistFilter;
import org.opendsr.risk.obligations.application.Obligations;
import org.opendsr.risk.obligations.domain.Obligation;
import org.opendsr.risk.obligations.domain.ObligationStatus;
import org.opendsr.risk.obligations.domain.OpeningCause;

/** The {@code obligation} table (V5__obligations.sql). Nothing is deleted: a closed obligation is history. */
@Singleton
class PostgresObligations implements Obligations, FollowedBookings {

    private static final String OPEN = "('DUE', 'BOOKED', 'OVERDUE')";

    private final JdbcOperations jdbc;
    private final Clock clock;

    PostgresObligations(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<Obligation> find(UUID obligationId) {
        return query("SELECT * FROM obligation WHERE id = ?", obligationId).stream().findFirst();
    }

    @Override
    public Optional<Obligation> findForUpdate(UUID obligationId) {
        return query("SELECT * FROM obligation WHERE id = ? FOR UPDATE", obligationId).stream().findFirst();
    }

    @Override
    public List<Obligation> ofPersonForUpdate(UUID personId) {
        return query("SELECT * FROM obligation WHERE person_id = ? ORDER BY opened_at, id FOR UPDATE", personId);
    }

    @Override
    public List<Obligation> ofPerson(UUID personId) {
        return query("SELECT * FROM obligation WHERE person_id = ? ORDER BY status IN " + OPEN + " DESC, "
                + "CASE WHEN status IN " + OPEN + " THEN due_on END, closed_at DESC, opened_at DESC, id", personId);
    }

    @Override
    public List<Obligation> pastDueForUpdate(LocalDate today, int limit) {
        // Announced ones too: one booked after it was announced (stored BOOKED before bookings kept OVERDUE) is
        // OVERDUE again, without a second event (Obligation.overdueOn).
        return jdbc.prepareStatement("SELECT * FROM obligation WHERE status IN ('DUE', 'BOOKED') "
                + "AND due_on < ? ORDER BY due_on, id LIMIT ? FOR UPDATE SKIP LOCKED",
                statement -> {
                    statement.setObject(1, today, Types.DATE);
                    statement.setInt(2, limit);
                    return read(statement);
                });
    }

    @Override
    public List<Obligation> worklist(ObligationWorklistFilter filter, LocalDate today, PersonScope scope,
                                     @Nullable WorklistPage.After after, int limit) {
        if (scope.seesNoOne()) {
            return List.of();
        }
        String sql = "SELECT o.* FROM obligation o"
                + (filter.area() == null ? "" : " JOIN dsr_kit.care_team t ON t.person_id = o.person_id")
                // The status as on today, so the list is never as late as the sweep: past due is OVERDUE.
                + " WHERE o.status IN " + OPEN + " AND (CASE WHEN o.status IN ('DUE', 'BOOKED') AND o.due_on < ?"
                + " THEN 'OVERDUE' ELSE o.status END) = ANY (?) AND " + scope.condition("o.person_id")
                + (filter.kind() == null ? "" : " AND o.kind = ?")
                + (filter.area() == null ? "" : " AND t.area = ?")
                + (after == null ? "" : " AND (o.due_on, o.id) > (?, ?)")
                + " ORDER BY o.due_on, o.id LIMIT ?";
        return jdbc.prepareStatement(sql, statement -> {
            int index = 1;
            statement.setObject(index++, today, Types.DATE);
            statement.setArray(index++, statement.getConnection().createArrayOf("text",
                    filter.statuses().stream().map(Enum::name).toArray()));
            index = scope.bind(statement, index);
            if (filter.kind() != null) {
                statement.setString(index++, filter.kind().name());
            }
            if (filter.area() != null) {
                statement.setString(index++, filter.area());
            }
            if (after != null) {
                statement.setObject(index++, after.day(), Types.DATE);
                statement.setObject(index++, after.id());
            }
            statement.setInt(index, limit);
            return read(statement);
        });
    }

    @Override
    public void save(Obligation obligation) {
        Obligation.Snapshot s = obligation.snapshot();
        jdbc.prepareStatement("INSERT INTO obligation (id, person_id, kind, status, scheduled_from, due_on, opened_at, "
                + "opened_on, opened_by, rating_at_opening, booked_for, completed_on, review_type, meeting_id, "
                + "partners, not_needed_reason, closed_at, closed_by, overdue_announced, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (id) DO UPDATE SET status = excluded.status, scheduled_from = excluded.scheduled_from, "
                + "due_on = excluded.due_on, booked_for = excluded.booked_for, completed_on = excluded.completed_on, "
                + "review_type = excluded.review_type, meeting_id = excluded.meeting_id, partners = excluded.partners, "
                + "not_needed_reason = excluded.not_needed_reason, closed_at = excluded.closed_at, "
                + "closed_by = excluded.closed_by, overdue_announced = excluded.overdue_announced, "
                + "updated_at = excluded.updated_at", statement -> {
                    int i = 1;
                    statement.setObject(i++, s.id());
                    statement.setObject(i++, s.personId());
                    statement.setString(i++, s.kind().name());
                    statement.setString(i++, s.status().name());
                    statement.setObject(i++, s.scheduledFrom(), Types.DATE);
                    statement.setObject(i++, s.dueOn(), Types.DATE);
                    statement.setTimestamp(i++, Timestamp.from(s.openedAt()));
                    statement.setObject(i++, s.openedOn(), Types.DATE);
                    statement.setString(i++, s.openedBy().name());
                    statement.setString(i++, s.ratingAtOpening().name());
                    statement.setObject(i++, s.bookedFor(), Types.DATE);
                    statement.setObject(i++, s.completedOn(), Types.DATE);
                    statement.setString(i++, s.reviewType() == null ? null : s.reviewType().name());
                    statement.setObject(i++, s.meetingId());
                    statement.setArray(i++, statement.getConnection().createArrayOf("text",
                            s.partners().toArray()));
                    statement.setString(i++, s.notNeededReason());
                    statement.setTimestamp(i++, s.closedAt() == null ? null : Timestamp.from(s.closedAt()));
                    statement.setString(i++, s.closedBy());
                    statement.setBoolean(i++, s.overdueAnnounced());
                    statement.setTimestamp(i, Timestamp.from(clock.instant()));
                    statement.executeUpdate();
                    return null;
                });
    }

    private List<Obligation> query(String sql, UUID id) {
        return jdbc.prepareStatement(sql, statement -> {
            statement.setObject(1, id);
            return read(statement);
        });
    }

    private static List<Obligation> read(PreparedStatement statement) throws SQLException {
        List<Obligation> found = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                found.add(toObligation(row));
            }
        }
        return found;
    }

    private static Obligation toObligation(ResultSet row) throws SQLException {
        String reviewType = row.getString("review_type");
        Array partners = row.getArray("partners");
        Timestamp closedAt = row.getTimestamp("closed_at");
        return Obligation.restore(new Obligation.Snapshot(row.getObject("id", UUID.class),
                row.getObject("person_id", UUID.class), ObligationKind.valueOf(row.getString("kind")),
                ObligationStatus.valueOf(row.getString("status")), dateOf(row.getDate("scheduled_from")),
                dateOf(row.getDate("due_on")), row.getTimestamp("opened_at").toInstant(),
                dateOf(row.getDate("opened_on")), OpeningCause.valueOf(row.getString("opened_by")),
                RagRating.valueOf(row.getString("rating_at_opening")), dateOf(row.getDate("booked_for")),
                dateOf(row.getDate("completed_on")), reviewType == null ? null : ReviewType.valueOf(reviewType),
                row.getObject("meeting_id", UUID.class),
                partners == null ? List.of() : Arrays.asList((String[]) partners.getArray()),
                row.getString("not_needed_reason"), closedAt == null ? null : closedAt.toInstant(),
                row.getString("closed_by"), row.getBoolean("overdue_announced")));
    }

    private static LocalDate dateOf(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    @Override
    public Optional<FollowedBookings.Followed> of(UUID obligationId) {
        return jdbc.prepareStatement("SELECT booking_id, booking_sequence FROM obligation WHERE id = ? "
                + "AND booking_id IS NOT NULL", statement -> {
                    statement.setObject(1, obligationId);
                    try (ResultSet row = statement.executeQuery()) {
                        return row.next() ? Optional.of(new FollowedBookings.Followed(
                                row.getObject("booking_id", UUID.class), row.getInt("booking_sequence")))
                                : Optional.<FollowedBookings.Followed>empty();
                    }
                });
    }

    @Override
    public void follow(UUID obligationId, UUID bookingId, int sequence) {
        jdbc.prepareStatement("UPDATE obligation SET booking_id = ?, booking_sequence = ? WHERE id = ?",
                statement -> {
                    statement.setObject(1, bookingId);
                    statement.setInt(2, sequence);
                    statement.setObject(3, obligationId);
                    return statement.executeUpdate();
                });
    }
}
