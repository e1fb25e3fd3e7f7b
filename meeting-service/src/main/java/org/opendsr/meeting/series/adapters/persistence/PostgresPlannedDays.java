package org.opendsr.meeting.series.adapters.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import org.opendsr.meeting.series.application.PlannedDays;

/** The {@code series_meeting_day} table (V3__series_and_attendees.sql): its key is the guard against a double. */
@Singleton
class PostgresPlannedDays implements PlannedDays {

    private final JdbcOperations jdbc;

    PostgresPlannedDays(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @ReadOnly
    public List<PlannedDay> ofSeriesFrom(UUID seriesId, LocalDate from) {
        return jdbc.prepareStatement("SELECT * FROM series_meeting_day WHERE series_id = ? AND planned_on >= ? "
                + "ORDER BY planned_on", statement -> {
                    statement.setObject(1, seriesId);
                    statement.setObject(2, from, Types.DATE);
                    return read(statement);
                });
    }

    @Override
    @ReadOnly
    public Optional<PlannedDay> ofMeeting(UUID meetingId) {
        return jdbc.prepareStatement("SELECT * FROM series_meeting_day WHERE meeting_id = ?", statement -> {
            statement.setObject(1, meetingId);
            return read(statement);
        }).stream().findFirst();
    }

    @Override
    public boolean claim(UUID seriesId, LocalDate plannedOn, UUID meetingId) {
        return jdbc.prepareStatement("INSERT INTO series_meeting_day (series_id, planned_on, meeting_id) "
                + "VALUES (?, ?, ?) ON CONFLICT (series_id, planned_on) DO NOTHING", statement -> {
                    statement.setObject(1, seriesId);
                    statement.setObject(2, plannedOn, Types.DATE);
                    statement.setObject(3, meetingId);
                    return statement.executeUpdate() == 1;
                });
    }

    @Override
    public void release(UUID meetingId) {
        update("DELETE FROM series_meeting_day WHERE meeting_id = ?", meetingId, null);
    }

    @Override
    public void markMovedByHand(UUID meetingId, boolean movedByHand) {
        update("UPDATE series_meeting_day SET moved_by_hand = ? WHERE meeting_id = ?", meetingId, movedByHand);
    }

    private void update(String sql, UUID meetingId, Boolean flag) {
        jdbc.prepareStatement(sql, statement -> {
            int i = 1;
            if (flag != null) {
                statement.setBoolean(i++, flag);
            }
            statement.setObject(i, meetingId);
            return statement.executeUpdate();
        });
    }

    private static List<PlannedDay> read(PreparedStatement statement) throws SQLException {
        List<PlannedDay> found = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                found.add(new PlannedDay(row.getObject("series_id", UUID.class),
                        row.getObject("planned_on", LocalDate.class), row.getObject("meeting_id", UUID.class),
                        row.getBoolean("moved_by_hand")));
            }
        }
        return found;
    }
}
