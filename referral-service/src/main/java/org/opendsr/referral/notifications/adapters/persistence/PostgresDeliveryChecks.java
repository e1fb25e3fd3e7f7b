package org.opendsr.referral.notifications.adapters.persistence;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.referral.notifications.application.DeliveryChecks;

/**
 * {@link DeliveryChecks} on the {@code notification} table (V18's delivery columns). Each method is one statement and
 * its own transaction. Only SENT rows are touched: a message settled otherwise meanwhile is left as it is.
 */
@Singleton
@Transactional
class PostgresDeliveryChecks implements DeliveryChecks {

    private final JdbcOperations jdbc;

    PostgresDeliveryChecks(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void firstCheckAt(UUID notificationId, Instant at) {
        update("UPDATE notification SET next_delivery_check_at = ? WHERE id = ? AND status = 'SENT'",
                Timestamp.from(at), notificationId);
    }

    @Override
    public List<Awaited> claimDue(Instant now, int max, Instant leaseUntil) {
        return jdbc.prepareStatement("UPDATE notification SET delivery_checks = delivery_checks + 1,"
                + " next_delivery_check_at = ? WHERE id IN (SELECT id FROM notification WHERE status = 'SENT'"
                + " AND next_delivery_check_at <= ? ORDER BY next_delivery_check_at, id LIMIT ? FOR UPDATE SKIP LOCKED)"
                + " RETURNING id, provider_reference, settled_at, delivery_checks", claim -> {
                    claim.setTimestamp(1, Timestamp.from(leaseUntil));
                    claim.setTimestamp(2, Timestamp.from(now));
                    claim.setInt(3, max);
                    List<Awaited> due = new ArrayList<>();
                    try (ResultSet rows = claim.executeQuery()) {
                        while (rows.next()) {
                            due.add(new Awaited(rows.getObject(1, UUID.class), rows.getString(2),
                                    rows.getTimestamp(3).toInstant(), rows.getInt(4)));
                        }
                    }
                    return due;
                });
    }

    @Override
    public void delivered(UUID notificationId, Instant deliveredAt) {
        update("UPDATE notification SET status = 'DELIVERED', delivered_at = ?, delivery_status = 'delivered',"
                + " next_delivery_check_at = NULL WHERE id = ? AND status = 'SENT'",
                Timestamp.from(deliveredAt), notificationId);
    }

    @Override
    public void undelivered(UUID notificationId, String reason, Instant at) {
        // settled_at becomes the failure's time: the worklist lists failures oldest first.
        update("UPDATE notification SET status = 'FAILED_PERMANENT', failure_reason = ?, delivery_status = ?,"
                + " settled_at = ?, next_delivery_check_at = NULL WHERE id = ? AND status = 'SENT'",
                reason, reason, Timestamp.from(at), notificationId);
    }

    @Override
    public void checkAgainAt(UUID notificationId, Instant nextCheckAt, String providerStatus) {
        update("UPDATE notification SET next_delivery_check_at = ?, delivery_status = ? WHERE id = ?"
                + " AND status = 'SENT'", nextCheckAt == null ? null : Timestamp.from(nextCheckAt), providerStatus,
                notificationId);
    }

    private void update(String sql, Object... parameters) {
        jdbc.prepareStatement(sql, statement -> {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        });
    }
}
