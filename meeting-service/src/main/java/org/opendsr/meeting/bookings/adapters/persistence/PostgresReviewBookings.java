package org.opendsr.meeting.bookings.adapters.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.opendsr.contracts.meeting.CancellationReason;
import org.opendsr.contracts.risk.ObligationKind;
import org.opendsr.contracts.risk.ReviewType;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.meeting.bookings.application.ReviewBookings;
import org.opendsr.meeting.bookings.domain.BookingStatus;
import org.opendsr.meeting.bookings.domain.ReviewBooking;
import org.opendsr.meeting.bookings.domain.Venue;

/** The {@code review_booking} table (V5__exceptions_and_bookings.sql). Nothing is deleted. */
@Singleton
class PostgresReviewBookings implements ReviewBookings {

    private final JdbcOperations jdbc;

    PostgresReviewBookings(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ReviewBooking> find(UUID bookingId) {
        return query("SELECT * FROM review_booking WHERE id = ?", bookingId).stream().findFirst();
    }

    @Override
    public Optional<ReviewBooking> findForUpdate(UUID bookingId) {
        return query("SELECT * FROM review_booking WHERE id = ? FOR UPDATE", bookingId).stream().findFirst();
    }

    @Override
    public Optional<ReviewBooking> openFor(UUID obligationId) {
        return query("SELECT * FROM review_booking WHERE obligation_id = ? AND status = 'BOOKED'", obligationId)
                .stream().findFirst();
    }

    @Override
    public List<ReviewBooking> ofPerson(UUID personId) {
        return query("SELECT * FROM review_booking WHERE person_id = ? ORDER BY starts_at, id", personId);
    }

    @Override
    public void save(ReviewBooking booking) {
        try {
            write(booking);
        } catch (RuntimeException e) {
            if (isUniqueViolation(e)) {
                // Two bookings for one obligation at the same moment: the index keeps one, the other is refused.
                throw RuleBroken.conflict("obligation-already-booked", "The obligation already has a booking",
                        "obligationId", "a review is already booked for this obligation: move it or cancel it");
            }
            throw e;
        }
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private void write(ReviewBooking booking) {
        ReviewBooking.Snapshot s = booking.snapshot();
        jdbc.prepareStatement("""
                INSERT INTO review_booking (id, obligation_id, person_id, obligation_kind, review_type, urgent,
                    booked_at, booked_by, starts_at, ends_at, documents_due_at, online_link, location, status,
                    sequence, held_at, cancelled_at, cancellation_reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at,
                    documents_due_at = EXCLUDED.documents_due_at, online_link = EXCLUDED.online_link,
                    location = EXCLUDED.location, status = EXCLUDED.status, sequence = EXCLUDED.sequence,
                    held_at = EXCLUDED.held_at, cancelled_at = EXCLUDED.cancelled_at,
                    cancellation_reason = EXCLUDED.cancellation_reason
                """, statement -> {
            statement.setObject(1, s.id());
            statement.setObject(2, s.obligationId());
            statement.setObject(3, s.personId());
            statement.setString(4, s.obligationKind().name());
            statement.setString(5, s.reviewType().name());
            statement.setBoolean(6, s.urgent());
            statement.setTimestamp(7, timestamp(s.bookedAt()));
            statement.setString(8, s.bookedBy());
            statement.setTimestamp(9, timestamp(s.startsAt()));
            statement.setTimestamp(10, timestamp(s.endsAt()));
            statement.setTimestamp(11, timestamp(s.documentsDueAt()));
            statement.setString(12, s.venue().onlineLink());
            statement.setString(13, s.venue().location());
            statement.setString(14, s.status().name());
            statement.setInt(15, s.sequence());
            statement.setTimestamp(16, timestamp(s.heldAt()));
            statement.setTimestamp(17, timestamp(s.cancelledAt()));
            statement.setString(18, s.cancellationReason() == null ? null : s.cancellationReason().name());
            return statement.executeUpdate();
        });
    }

    private List<ReviewBooking> query(String sql, UUID id) {
        return jdbc.prepareStatement(sql, statement -> {
            statement.setObject(1, id);
            return read(statement);
        });
    }

    private static List<ReviewBooking> read(PreparedStatement statement) throws SQLException {
        List<ReviewBooking> found = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                String reason = row.getString("cancellation_reason");
                found.add(ReviewBooking.restore(new ReviewBooking.Snapshot(
                        row.getObject("id", UUID.class), row.getObject("obligation_id", UUID.class),
                        row.getObject("person_id", UUID.class), ObligationKind.valueOf(row.getString("obligation_kind")),
                        ReviewType.valueOf(row.getString("review_type")), row.getBoolean("urgent"),
                        instant(row, "booked_at"), row.getString("booked_by"), instant(row, "starts_at"),
                        instant(row, "ends_at"), instant(row, "documents_due_at"),
                        new Venue(row.getString("online_link"), row.getString("location")),
                        BookingStatus.valueOf(row.getString("status")), row.getInt("sequence"),
                        instant(row, "held_at"), instant(row, "cancelled_at"),
                        reason == null ? null : CancellationReason.valueOf(reason))));
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
