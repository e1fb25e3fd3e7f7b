package org.opendsr.meeting.shared.adapters.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import org.opendsr.contracts.meeting.CancellationReason;
import org.opendsr.contracts.meeting.MeetingKind;
import org.opendsr.meeting.shared.application.Meetings;
import org.opendsr.meeting.shared.domain.Meeting;
import org.opendsr.meeting.shared.domain.MeetingStatus;

/** The {@code meeting} table (V2). A meeting is never deleted: a cancelled one is history too. */
@Singleton
class PostgresMeetings implements Meetings {

    private final JdbcOperations jdbc;

    PostgresMeetings(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @ReadOnly
    public Optional<Meeting> find(UUID meetingId) {
        return query("SELECT * FROM meeting WHERE meeting_id = ?", meetingId);
    }

    @Override
    public Optional<Meeting> findForUpdate(UUID meetingId) {
        return query("SELECT * FROM meeting WHERE meeting_id = ? FOR UPDATE", meetingId);
    }

    @Override
    @ReadOnly
    public List<Meeting> inAreas(@Nullable Collection<String> areas, Instant from, Instant to, int limit) {
        return jdbc.prepareStatement("SELECT * FROM meeting WHERE (?::text[] IS NULL OR area = ANY (?::text[])) "
                + "AND starts_at >= ? AND starts_at < ? ORDER BY starts_at, meeting_id LIMIT ?", select -> {
                    java.sql.Array wanted = areas == null ? null
                            : select.getConnection().createArrayOf("text", areas.toArray());
                    for (int parameter = 1; parameter <= 2; parameter++) {
                        if (wanted == null) {
                            select.setNull(parameter, java.sql.Types.ARRAY);
                        } else {
                            select.setArray(parameter, wanted);
                        }
                    }
                    select.setTimestamp(3, Timestamp.from(from));
                    select.setTimestamp(4, Timestamp.from(to));
                    select.setInt(5, limit);
                    return read(select);
                });
    }

    @Override
    @ReadOnly
    public List<Meeting> ofSeries(UUID seriesId, Instant from) {
        return jdbc.prepareStatement("SELECT * FROM meeting WHERE series_id = ? AND starts_at >= ? "
                + "ORDER BY starts_at, meeting_id", select -> {
                    select.setObject(1, seriesId);
                    select.setTimestamp(2, Timestamp.from(from));
                    return read(select);
                });
    }

    @Override
    public List<Meeting> ofSeriesForUpdate(UUID seriesId, Instant from) {
        List<Meeting> locked = jdbc.prepareStatement("SELECT * FROM meeting WHERE series_id = ? AND starts_at >= ? "
                + "ORDER BY meeting_id FOR UPDATE", select -> {
                    select.setObject(1, seriesId);
                    select.setTimestamp(2, Timestamp.from(from));
                    return read(select);
                });
        return locked.stream().sorted(Comparator.comparing(Meeting::startsAt).thenComparing(Meeting::id)).toList();
    }

    @Override
    @ReadOnly
    public Optional<Meeting> previousInSeries(UUID seriesId, Instant before) {
        return jdbc.prepareStatement("SELECT * FROM meeting WHERE series_id = ? AND starts_at < ? "
                + "AND status <> 'CANCELLED' ORDER BY starts_at DESC LIMIT 1", select -> {
                    select.setObject(1, seriesId);
                    select.setTimestamp(2, Timestamp.from(before));
                    return read(select).stream().findFirst();
                });
    }

    @Override
    public void save(Meeting meeting) {
        jdbc.prepareStatement("INSERT INTO meeting (meeting_id, kind, area, series_id, person_id, starts_at, ends_at, "
                + "online_link, chair_subject, status, sequence, held_at, cancellation_reason) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (meeting_id) DO UPDATE SET "
                + "starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at, online_link = EXCLUDED.online_link, "
                + "chair_subject = EXCLUDED.chair_subject, status = EXCLUDED.status, sequence = EXCLUDED.sequence, "
                + "held_at = EXCLUDED.held_at, cancellation_reason = EXCLUDED.cancellation_reason, updated_at = now()",
                upsert -> {
                    upsert.setObject(1, meeting.id());
                    upsert.setString(2, meeting.kind().name());
                    upsert.setString(3, meeting.area());
                    upsert.setObject(4, meeting.seriesId());
                    upsert.setObject(5, meeting.personId());
                    upsert.setTimestamp(6, Timestamp.from(meeting.startsAt()));
                    upsert.setTimestamp(7, Timestamp.from(meeting.endsAt()));
                    upsert.setString(8, meeting.onlineLink());
                    upsert.setString(9, meeting.chairSubject());
                    upsert.setString(10, meeting.status().name());
                    upsert.setInt(11, meeting.sequence());
                    upsert.setTimestamp(12, meeting.heldAt() == null ? null : Timestamp.from(meeting.heldAt()));
                    upsert.setString(13, meeting.cancellationReason() == null ? null
                            : meeting.cancellationReason().name());
                    return upsert.executeUpdate();
                });
    }

    private Optional<Meeting> query(String sql, UUID meetingId) {
        return jdbc.prepareStatement(sql, select -> {
            select.setObject(1, meetingId);
            return read(select).stream().findFirst();
        });
    }

    /** Reads every row of a query on {@code meeting} (for the features' own lists, e.g. a series' meetings). */
    static List<Meeting> read(PreparedStatement select) throws SQLException {
        List<Meeting> meetings = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                meetings.add(meetingOf(rows));
            }
        }
        return meetings;
    }

    static Meeting meetingOf(ResultSet row) throws SQLException {
        String reason = row.getString("cancellation_reason");
        return Meeting.restore(row.getObject("meeting_id", UUID.class), MeetingKind.valueOf(row.getString("kind")),
                row.getString("area"), row.getObject("series_id", UUID.class), row.getObject("person_id", UUID.class),
                instant(row, "starts_at"), instant(row, "ends_at"), row.getString("online_link"),
                row.getString("chair_subject"), MeetingStatus.valueOf(row.getString("status")),
                row.getInt("sequence"), instant(row, "held_at"),
                reason == null ? null : CancellationReason.valueOf(reason));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp at = row.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
