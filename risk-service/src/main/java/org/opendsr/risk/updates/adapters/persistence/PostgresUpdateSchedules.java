package org.opendsr.risk.updates.adapters.persistence;

import java.sql.Array;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.opendsr.contracts.access.CareTeamRole;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.kit.access.PersonScope;
import org.opendsr.kit.paging.WorklistPage;
import org.opendsr.risk.updates.application.OverdueUpdate;
import org.opendsr.risk.updates.application.UpdateSchedules;
import org.opendsr.risk.updates.domain.UpdateSchedule;

/** {@code update_schedule}, one row per person rated on the register; stopped rows stay (history). */
@Singleton
public class PostgresUpdateSchedules implements UpdateSchedules {

    private static final String COLUMNS = "person_id, rating, cadence, rating_since_on, last_update_at, "
            + "last_update_on, next_due_on, overdue_since, overdue_announced, stopped_on";

    /** A current responsible professional of the person on the row {@code s}: two instants to bind. */
    private static final String RESPONSIBLE = "SELECT m.subject FROM dsr_kit.care_team_member m "
            + "WHERE m.person_id = s.person_id AND m.role = '" + CareTeamRole.RESPONSIBLE_PROFESSIONAL + "' "
            + "AND m.from_at <= ? AND (m.to_at IS NULL OR m.to_at > ?)";

    private final JdbcOperations jdbc;
    private final Clock clock;

    public PostgresUpdateSchedules(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<UpdateSchedule> find(UUID personId) {
        return one("SELECT " + COLUMNS + " FROM update_schedule WHERE person_id = ?", personId);
    }

    @Override
    public Optional<UpdateSchedule> findForUpdate(UUID personId) {
        return one("SELECT " + COLUMNS + " FROM update_schedule WHERE person_id = ? FOR UPDATE", personId);
    }

    private Optional<UpdateSchedule> one(String sql, UUID personId) {
        return jdbc.prepareStatement(sql, statement -> {
            try {
                statement.setObject(1, personId);
                try (ResultSet found = statement.executeQuery()) {
                    return found.next() ? Optional.of(toSchedule(found)) : Optional.<UpdateSchedule>empty();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read an update schedule", e);
            }
        });
    }

    @Override
    public void save(UpdateSchedule schedule) {
        jdbc.prepareStatement("INSERT INTO update_schedule (" + COLUMNS + ", changed_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (person_id) DO UPDATE SET "
                + "rating = EXCLUDED.rating, cadence = EXCLUDED.cadence, rating_since_on = EXCLUDED.rating_since_on, "
                + "last_update_at = EXCLUDED.last_update_at, last_update_on = EXCLUDED.last_update_on, "
                + "next_due_on = EXCLUDED.next_due_on, overdue_since = EXCLUDED.overdue_since, "
                + "overdue_announced = EXCLUDED.overdue_announced, stopped_on = EXCLUDED.stopped_on, "
                + "changed_at = EXCLUDED.changed_at", statement -> {
            try {
                statement.setObject(1, schedule.personId());
                statement.setString(2, schedule.rating().name());
                statement.setString(3, schedule.cadence().toString());
                statement.setDate(4, Date.valueOf(schedule.ratingSinceOn()));
                statement.setTimestamp(5, schedule.lastUpdateAt() == null ? null
                        : Timestamp.from(schedule.lastUpdateAt()));
                setDate(statement, 6, schedule.lastUpdateOn());
                setDate(statement, 7, schedule.nextDueOn());
                setDate(statement, 8, schedule.overdueSince());
                statement.setBoolean(9, schedule.overdueAnnounced());
                setDate(statement, 10, schedule.stoppedOn());
                statement.setTimestamp(11, Timestamp.from(clock.instant()));
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not save an update schedule", e);
            }
        });
    }

    @Override
    public List<UpdateSchedule> missedBeforeForUpdate(LocalDate today) {
        // FOR UPDATE re-checks the condition on rows a concurrent sweep or post changed while this one waited, so
        // two sweeps never flag (and announce) the same missed date twice.
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM update_schedule WHERE stopped_on IS NULL "
                + "AND overdue_since IS NULL AND next_due_on < ? ORDER BY person_id FOR UPDATE", statement -> {
            try {
                statement.setDate(1, Date.valueOf(today));
                List<UpdateSchedule> found = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.add(toSchedule(rows));
                    }
                }
                return found;
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the update schedules due", e);
            }
        });
    }

    @Override
    public List<OverdueUpdate> overdue(LocalDate today, Instant now, PersonScope scope, @Nullable String area,
                                       @Nullable String responsibleProfessional,
                                       @Nullable WorklistPage.After after, int limit) {
        if (scope.seesNoOne()) {
            return List.of();
        }
        // Overdue once flagged by a sweep, or past due and not yet swept: the worklist is right between sweeps.
        String sql = "SELECT s.person_id, s.rating, s.next_due_on, t.area, ARRAY(" + RESPONSIBLE
                + " ORDER BY m.subject) AS responsible FROM update_schedule s "
                + "LEFT JOIN dsr_kit.care_team t ON t.person_id = s.person_id "
                + "WHERE s.stopped_on IS NULL AND (s.overdue_since IS NOT NULL OR s.next_due_on < ?) "
                + "AND " + scope.condition("s.person_id")
                + (area == null ? "" : " AND t.area = ?")
                + (responsibleProfessional == null ? "" : " AND EXISTS (" + RESPONSIBLE + " AND m.subject = ?)")
                + (after == null ? "" : " AND (s.next_due_on, s.person_id) > (?, ?)")
                + " ORDER BY s.next_due_on, s.person_id LIMIT ?";
        return jdbc.prepareStatement(sql, statement -> {
            try {
                int index = 1;
                statement.setTimestamp(index++, Timestamp.from(now));
                statement.setTimestamp(index++, Timestamp.from(now));
                statement.setDate(index++, Date.valueOf(today));
                index = scope.bind(statement, index);
                if (area != null) {
                    statement.setString(index++, area);
                }
                if (responsibleProfessional != null) {
                    statement.setTimestamp(index++, Timestamp.from(now));
                    statement.setTimestamp(index++, Timestamp.from(now));
                    statement.setString(index++, responsibleProfessional);
                }
                if (after != null) {
                    statement.setDate(index++, Date.valueOf(after.day()));
                    statement.setObject(index++, after.id());
                }
                statement.setInt(index, limit);
                List<OverdueUpdate> found = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.add(new OverdueUpdate(rows.getObject("person_id", UUID.class),
                                RagRating.valueOf(rows.getString("rating")),
                                rows.getDate("next_due_on").toLocalDate(), rows.getString("area"),
                                subjects(rows.getArray("responsible"))));
                    }
                }
                return found;
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the overdue-updates worklist", e);
            }
        });
    }

    private static List<String> subjects(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    private static void setDate(PreparedStatement statement, int index, @Nullable LocalDate day)
            throws SQLException {
        statement.setDate(index, day == null ? null : Date.valueOf(day));
    }

    private static @Nullable LocalDate date(ResultSet row, String column) throws SQLException {
        Date day = row.getDate(column);
        return day == null ? null : day.toLocalDate();
    }

    private static UpdateSchedule toSchedule(ResultSet row) throws SQLException {
        Timestamp lastUpdateAt = row.getTimestamp("last_update_at");
        return new UpdateSchedule(row.getObject("person_id", UUID.class), RagRating.valueOf(row.getString("rating")),
                Period.parse(row.getString("cadence")), date(row, "rating_since_on"),
                lastUpdateAt == null ? null : lastUpdateAt.toInstant(), date(row, "last_update_on"),
                date(row, "next_due_on"), date(row, "overdue_since"), row.getBoolean("overdue_announced"),
                date(row, "stopped_on"));
    }
}
