package org.opendsr.meeting.agenda.adapters.persistence;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.opendsr.meeting.agenda.application.SeriesNeighbours;
import org.opendsr.meeting.shared.domain.Meeting;
import org.opendsr.meeting.shared.domain.WorkingHours;

/** Reads the shared {@code meeting} table (V2) beside the {@code agenda} table (V4); writes neither. */
@Singleton
class PostgresSeriesNeighbours implements SeriesNeighbours {

    private final JdbcOperations jdbc;

    PostgresSeriesNeighbours(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Before> before(Meeting meeting) {
        if (meeting.seriesId() == null) {
            return Optional.empty();
        }
        return jdbc.prepareStatement("SELECT m.starts_at, a.assembled_at FROM meeting m "
                + "LEFT JOIN agenda a ON a.meeting_id = m.meeting_id "
                + "WHERE m.series_id = ? AND m.kind = 'TRACKING' AND m.status <> 'CANCELLED' AND m.starts_at < ? "
                + "ORDER BY m.starts_at DESC LIMIT 1", statement -> {
                    statement.setObject(1, meeting.seriesId());
                    statement.setTimestamp(2, Timestamp.from(meeting.startsAt()));
                    try (ResultSet row = statement.executeQuery()) {
                        if (!row.next()) {
                            return Optional.empty();
                        }
                        Timestamp assembledAt = row.getTimestamp("assembled_at");
                        return Optional.of(new Before(row.getTimestamp("starts_at").toInstant(),
                                assembledAt == null ? null : assembledAt.toInstant()));
                    }
                });
    }

    @Override
    public Optional<LocalDate> nextMeetingDay(Meeting meeting) {
        if (meeting.seriesId() == null) {
            return Optional.empty();
        }
        return jdbc.prepareStatement("SELECT starts_at FROM meeting WHERE series_id = ? AND kind = 'TRACKING' "
                + "AND status <> 'CANCELLED' AND starts_at > ? ORDER BY starts_at LIMIT 1", statement -> {
                    statement.setObject(1, meeting.seriesId());
                    statement.setTimestamp(2, Timestamp.from(meeting.startsAt()));
                    try (ResultSet row = statement.executeQuery()) {
                        return row.next()
                                ? Optional.of(LocalDate.ofInstant(row.getTimestamp("starts_at").toInstant(),
                                        WorkingHours.ENGLAND))
                                : Optional.<LocalDate>empty();
                    }
                });
    }

    @Override
    public List<UUID> awaitingAgenda(Instant startingBefore) {
        return jdbc.prepareStatement("SELECT m.meeting_id FROM meeting m LEFT JOIN agenda a ON a.meeting_id = m.meeting_id "
                + "WHERE m.kind = 'TRACKING' AND m.status = 'SCHEDULED' AND m.starts_at < ? "
                + "AND (a.meeting_id IS NULL OR a.status = 'NOT_YET_ASSEMBLED') ORDER BY m.starts_at, m.meeting_id",
                statement -> {
                    statement.setTimestamp(1, Timestamp.from(startingBefore));
                    List<UUID> ids = new ArrayList<>();
                    try (ResultSet row = statement.executeQuery()) {
                        while (row.next()) {
                            ids.add(row.getObject("meeting_id", UUID.class));
                        }
                    }
                    return ids;
                });
    }
}
