package org.opendsr.referral.notifications.adapters.persistence;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.opendsr.kit.access.PersonScope;
import org.opendsr.referral.shared.adapters.persistence.KeysetSql;
import org.opendsr.referral.notifications.application.NotificationQueue;
import org.opendsr.referral.notifications.domain.MessageKind;
import org.opendsr.referral.notifications.domain.RecipientRole;
import org.opendsr.referral.shared.application.KeysetPage;
import org.opendsr.referral.shared.application.PageCursor;
import org.opendsr.referral.shared.application.PageRequest;

/** {@link NotificationQueue} in PostgreSQL ({@code notification}, migration V14). */
@Singleton
class PostgresNotificationQueue implements NotificationQueue {

    private static final Argument<Map<String, String>> FACTS = Argument.mapOf(String.class, String.class);

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    PostgresNotificationQueue(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public boolean queue(Queued queued) {
        return insert(queued, "PENDING", queued.at(), null, null);
    }

    @Override
    public boolean withhold(Queued queued, String reason) {
        return insert(queued, "WITHHELD", null, reason, queued.at());
    }

    @Override
    public OptionalInt invitationSequenceQueued(UUID personId, UUID meetingId) {
        return jdbc.prepareStatement("SELECT max((facts ->> 'sequence')::int) FROM notification WHERE person_id = ?"
                + " AND message = ? AND facts ->> 'meetingId' = ?", select -> {
            select.setObject(1, personId);
            select.setString(2, MessageKind.MEETING_BY_EXCEPTION_INVITATION.name());
            select.setString(3, meetingId.toString());
            try (var rows = select.executeQuery()) {
                rows.next();
                int highest = rows.getInt(1);
                return rows.wasNull() ? OptionalInt.empty() : OptionalInt.of(highest);
            }
        });
    }

    @Override
    public int withholdPendingInvitations(UUID personId, UUID meetingId, String reason, Instant at) {
        return jdbc.prepareStatement("UPDATE notification SET status = 'WITHHELD', failure_reason = ?, settled_at = ?,"
                + " next_attempt_at = NULL WHERE person_id = ? AND message = ? AND facts ->> 'meetingId' = ?"
                + " AND status = 'PENDING'", update -> {
                    update.setString(1, reason);
                    update.setTimestamp(2, Timestamp.from(at));
                    update.setObject(3, personId);
                    update.setString(4, MessageKind.MEETING_BY_EXCEPTION_INVITATION.name());
                    update.setString(5, meetingId.toString());
                    return update.executeUpdate();
                });
    }

    @Override
    public Optional<Map<String, String>> lastInvitationSent(UUID personId, UUID meetingId) {
        return jdbc.prepareStatement("SELECT facts::text FROM notification WHERE person_id = ? AND message = ?"
                + " AND facts ->> 'meetingId' = ? AND status IN ('SENT', 'DELIVERED')"
                + " ORDER BY (facts ->> 'sequence')::int DESC LIMIT 1", select -> {
                    select.setObject(1, personId);
                    select.setString(2, MessageKind.MEETING_BY_EXCEPTION_INVITATION.name());
                    select.setString(3, meetingId.toString());
                    try (var rows = select.executeQuery()) {
                        return rows.next() ? Optional.of(facts(rows.getString(1))) : Optional.empty();
                    }
                });
    }

    private boolean insert(Queued queued, String status, Instant nextAttemptAt, String reason, Instant settledAt) {
        String facts = facts(queued.facts());
        return jdbc.prepareStatement("INSERT INTO notification (id, source_event_id, message, person_id, recipient,"
                + " facts, status, next_attempt_at, failure_reason, queued_at, settled_at)"
                + " VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?)"
                + " ON CONFLICT (source_event_id, recipient) DO NOTHING", insert -> {
                    insert.setObject(1, queued.id());
                    insert.setString(2, queued.sourceEventId());
                    insert.setString(3, queued.message().name());
                    insert.setObject(4, queued.personId());
                    insert.setString(5, queued.recipient().name());
                    insert.setString(6, facts);
                    insert.setString(7, status);
                    insert.setTimestamp(8, timestamp(nextAttemptAt));
                    insert.setString(9, reason);
                    insert.setTimestamp(10, Timestamp.from(queued.at()));
                    insert.setTimestamp(11, timestamp(settledAt));
                    return insert.executeUpdate() == 1;
                });
    }

    @Override
    public List<Due> claimDue(Instant now, int max, Instant leaseUntil) {
        // SKIP LOCKED: two replicas claiming at once take different messages; the lease keeps a claimed one from the
        // other replica's next claim while it is being sent.
        return jdbc.prepareStatement("UPDATE notification SET attempts = attempts + 1, next_attempt_at = ?"
                + " WHERE id IN (SELECT id FROM notification WHERE status = 'PENDING' AND next_attempt_at <= ?"
                + " ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED)"
                + " RETURNING id, person_id, message, recipient, facts::text, attempts", claim -> {
                    claim.setTimestamp(1, Timestamp.from(leaseUntil));
                    claim.setTimestamp(2, Timestamp.from(now));
                    claim.setInt(3, max);
                    List<Due> due = new ArrayList<>();
                    try (ResultSet rows = claim.executeQuery()) {
                        while (rows.next()) {
                            due.add(new Due(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class),
                                    MessageKind.valueOf(rows.getString(3)), RecipientRole.valueOf(rows.getString(4)),
                                    facts(rows.getString(5)), rows.getInt(6)));
                        }
                    }
                    return due;
                });
    }

    @Override
    public void sent(UUID id, String channel, String template, String providerReference, Instant at) {
        settle(id, "SENT", channel, template, providerReference, null, at);
    }

    @Override
    public void withheld(UUID id, String reason, Instant at) {
        settle(id, "WITHHELD", null, null, null, reason, at);
    }

    @Override
    public void failedPermanently(UUID id, String channel, String template, String reason, Instant at) {
        settle(id, "FAILED_PERMANENT", channel, template, null, reason, at);
    }

    private void settle(UUID id, String status, String channel, String template, String reference, String reason,
                        Instant at) {
        jdbc.prepareStatement("UPDATE notification SET status = ?, channel = COALESCE(?, channel),"
                + " template = COALESCE(?, template), provider_reference = ?, failure_reason = ?, settled_at = ?,"
                + " next_attempt_at = NULL WHERE id = ? AND status = 'PENDING'", update -> {
                    update.setString(1, status);
                    update.setString(2, channel);
                    update.setString(3, template);
                    update.setString(4, reference);
                    update.setString(5, reason);
                    update.setTimestamp(6, Timestamp.from(at));
                    update.setObject(7, id);
                    return update.executeUpdate();
                });
    }

    @Override
    public void retryAt(UUID id, Instant nextAttemptAt, String reason) {
        jdbc.prepareStatement("UPDATE notification SET next_attempt_at = ?, failure_reason = ?"
                + " WHERE id = ? AND status = 'PENDING'", update -> {
                    update.setTimestamp(1, Timestamp.from(nextAttemptAt));
                    update.setString(2, reason);
                    update.setObject(3, id);
                    return update.executeUpdate();
                });
    }

    @Override
    public KeysetPage<Failed> failed(PersonScope scope, PageRequest page) {
        String from = " FROM notification n JOIN person p ON p.id = n.person_id"
                // Archived records (issue 16) leave every worklist.
                + " WHERE n.status = 'FAILED_PERMANENT' AND p.archived_at IS NULL AND " + scope.condition("p.id");
        List<Object> parameters = new ArrayList<>(scope.parameters());
        long total = KeysetSql.count(jdbc, from, parameters);
        List<Object> seek = new ArrayList<>(parameters);
        String after = KeysetSql.after(page, "n.settled_at", "n.id", ">", seek);
        seek.add(page.fetch());
        List<Failed> lines = jdbc.prepareStatement("SELECT n.id, n.person_id, p.given_name, p.family_name, p.locality,"
                + " n.message, n.recipient, n.channel, n.template, n.failure_reason, n.attempts, n.queued_at,"
                + " n.settled_at" + from + after + " ORDER BY n.settled_at, n.id LIMIT ?", select -> {
                    KeysetSql.bind(select, seek);
                    List<Failed> found = new ArrayList<>();
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            found.add(new Failed(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class),
                                    rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6),
                                    rows.getString(7), rows.getString(8), rows.getString(9), rows.getString(10),
                                    rows.getInt(11), rows.getTimestamp(12).toInstant(),
                                    rows.getTimestamp(13).toInstant()));
                        }
                    }
                    return found;
                });
        return KeysetPage.of(lines, page, total, line -> PageCursor.of(line.failedAt(), line.notificationId()));
    }

    private String facts(Map<String, String> facts) {
        try {
            return json.writeValueAsString(facts);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("facts not written", e);
        }
    }

    private Map<String, String> facts(String stored) {
        try {
            return json.readValue(stored, FACTS);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("facts not read", e);
        }
    }


    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
