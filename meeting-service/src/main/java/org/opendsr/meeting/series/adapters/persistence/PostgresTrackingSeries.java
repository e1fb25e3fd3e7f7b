package org.opendsr.meeting.series.adapters.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.meeting.series.application.TrackingSeries;
import org.opendsr.meeting.series.domain.BankHolidayRule;
import org.opendsr.meeting.series.domain.SeriesTerms;
import org.opendsr.meeting.series.domain.TrackingMeetingSeries;

/** The {@code tracking_series} table (V3__series_and_attendees.sql). */
@Singleton
class PostgresTrackingSeries implements TrackingSeries {

    private final JdbcOperations jdbc;
    private final Clock clock;

    PostgresTrackingSeries(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @ReadOnly
    public Optional<TrackingMeetingSeries> find(UUID seriesId) {
        return byId("SELECT * FROM tracking_series WHERE series_id = ?", seriesId);
    }

    @Override
    public Optional<TrackingMeetingSeries> findForUpdate(UUID seriesId) {
        return byId("SELECT * FROM tracking_series WHERE series_id = ? FOR UPDATE", seriesId);
    }

    @Override
    @ReadOnly
    public List<TrackingMeetingSeries> inAreas(@Nullable Collection<String> areas) {
        if (areas != null && areas.isEmpty()) {
            return List.of();
        }
        return jdbc.prepareStatement("SELECT * FROM tracking_series"
                + (areas == null ? "" : " WHERE area = ANY (?)") + " ORDER BY area, active DESC, created_at, series_id",
                statement -> {
                    if (areas != null) {
                        statement.setArray(1, statement.getConnection().createArrayOf("text", areas.toArray()));
                    }
                    return read(statement);
                });
    }

    @Override
    @ReadOnly
    public List<UUID> activeIds() {
        return jdbc.prepareStatement("SELECT series_id FROM tracking_series WHERE active ORDER BY area",
                statement -> {
                    List<UUID> ids = new ArrayList<>();
                    try (ResultSet row = statement.executeQuery()) {
                        while (row.next()) {
                            ids.add(row.getObject(1, UUID.class));
                        }
                    }
                    return ids;
                });
    }

    @Override
    public void save(TrackingMeetingSeries series) {
        SeriesTerms t = series.terms();
        // Another active series of the area (two people setting one up at once included): refused, not doubled.
        boolean saved = jdbc.prepareStatement("INSERT INTO tracking_series (series_id, area, day_of_week, "
                + "interval_weeks, start_time, duration_minutes, first_meeting_on, online_link, bank_holiday_rule, "
                + "active, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (series_id) DO UPDATE SET day_of_week = excluded.day_of_week, "
                + "interval_weeks = excluded.interval_weeks, start_time = excluded.start_time, "
                + "duration_minutes = excluded.duration_minutes, first_meeting_on = excluded.first_meeting_on, "
                + "online_link = excluded.online_link, bank_holiday_rule = excluded.bank_holiday_rule, "
                + "active = excluded.active, updated_at = excluded.updated_at", statement -> {
                    int i = 1;
                    statement.setObject(i++, series.id());
                    statement.setString(i++, series.area());
                    statement.setString(i++, t.day().name());
                    statement.setInt(i++, t.intervalWeeks());
                    statement.setObject(i++, t.startsAt(), Types.TIME);
                    statement.setInt(i++, (int) t.duration().toMinutes());
                    statement.setObject(i++, t.firstMeetingOn(), Types.DATE);
                    statement.setString(i++, t.onlineLink());
                    statement.setString(i++, t.bankHolidayRule().name());
                    statement.setBoolean(i++, series.active());
                    statement.setTimestamp(i, Timestamp.from(clock.instant()));
                    // A savepoint, so a refusal leaves the transaction usable for the problem's audit.
                    var connection = statement.getConnection();
                    var savepoint = connection.setSavepoint();
                    try {
                        statement.executeUpdate();
                        connection.releaseSavepoint(savepoint);
                        return true;
                    } catch (SQLException e) {
                        if ("23505".equals(e.getSQLState())) {
                            connection.rollback(savepoint);
                            return false;
                        }
                        throw e;
                    }
                });
        if (!saved) {
            throw RuleBroken.conflict("series-exists", "The area has a series",
                    "the area already has an active tracking meeting series: change that one");
        }
    }

    private Optional<TrackingMeetingSeries> byId(String sql, UUID id) {
        return jdbc.prepareStatement(sql, statement -> {
            statement.setObject(1, id);
            return read(statement);
        }).stream().findFirst();
    }

    private static List<TrackingMeetingSeries> read(PreparedStatement statement) throws SQLException {
        List<TrackingMeetingSeries> found = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                SeriesTerms terms = new SeriesTerms(DayOfWeek.valueOf(row.getString("day_of_week")),
                        row.getInt("interval_weeks"), row.getObject("start_time", LocalTime.class),
                        Duration.ofMinutes(row.getInt("duration_minutes")),
                        row.getObject("first_meeting_on", LocalDate.class), row.getString("online_link"),
                        BankHolidayRule.valueOf(row.getString("bank_holiday_rule")));
                found.add(TrackingMeetingSeries.restore(row.getObject("series_id", UUID.class), row.getString("area"),
                        terms, row.getBoolean("active")));
            }
        }
        return found;
    }
}
