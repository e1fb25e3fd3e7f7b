package org.opendsr.meeting.series.adapters.persistence;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import org.opendsr.meeting.series.application.Attendees;
import org.opendsr.meeting.series.application.CancellationNotes;
import org.opendsr.meeting.series.domain.Attendance;

/** The {@code meeting_attendee} and {@code meeting_cancellation_note} tables (V3__series_and_attendees.sql). */
@Singleton
class PostgresAttendees implements Attendees, CancellationNotes {

    private final JdbcOperations jdbc;

    PostgresAttendees(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Attendee attendee) {
        jdbc.prepareStatement("INSERT INTO meeting_attendee (attendee_id, meeting_id, agency, role, subject, "
                + "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)", statement -> {
                    statement.setObject(1, attendee.attendeeId());
                    statement.setObject(2, attendee.meetingId());
                    statement.setString(3, attendee.attendance().agency());
                    statement.setString(4, attendee.attendance().role());
                    statement.setString(5, attendee.attendance().subject());
                    statement.setString(6, attendee.recordedBy());
                    statement.setTimestamp(7, Timestamp.from(attendee.recordedAt()));
                    return statement.executeUpdate();
                });
    }

    @Override
    @ReadOnly
    public List<Attendee> ofMeeting(UUID meetingId) {
        return jdbc.prepareStatement("SELECT * FROM meeting_attendee WHERE meeting_id = ? "
                + "ORDER BY recorded_at, attendee_id", statement -> {
                    statement.setObject(1, meetingId);
                    List<Attendee> found = new ArrayList<>();
                    try (ResultSet row = statement.executeQuery()) {
                        while (row.next()) {
                            found.add(new Attendee(row.getObject("attendee_id", UUID.class), meetingId,
                                    new Attendance(row.getString("agency"), row.getString("role"),
                                            row.getString("subject")),
                                    row.getString("recorded_by"), row.getTimestamp("recorded_at").toInstant()));
                        }
                    }
                    return found;
                });
    }

    @Override
    public void add(UUID meetingId, String note, String recordedBy) {
        jdbc.prepareStatement("INSERT INTO meeting_cancellation_note (meeting_id, note, recorded_by) VALUES (?, ?, ?) "
                + "ON CONFLICT (meeting_id) DO NOTHING", statement -> {
                    statement.setObject(1, meetingId);
                    statement.setString(2, note);
                    statement.setString(3, recordedBy);
                    return statement.executeUpdate();
                });
    }

    @Override
    @ReadOnly
    public Optional<String> of(UUID meetingId) {
        return jdbc.prepareStatement("SELECT note FROM meeting_cancellation_note WHERE meeting_id = ?", statement -> {
            statement.setObject(1, meetingId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.<String>empty();
            }
        });
    }
}
