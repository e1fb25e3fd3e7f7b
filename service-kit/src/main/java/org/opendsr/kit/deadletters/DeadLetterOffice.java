package org.opendsr.kit.deadletters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.opendsr.contracts.Topics;
import org.opendsr.kit.access.AccessPurpose;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.audit.AuditEntry;
import org.opendsr.kit.audit.AuditLog;
import org.opendsr.kit.audit.AuditOutcome;
import org.opendsr.kit.deadletters.DeadLetterViews.DeadLetterList;
import org.opendsr.kit.deadletters.DeadLetterViews.DeadLetterSummary;
import org.opendsr.kit.deadletters.DeadLetterViews.ReasonCount;
import org.opendsr.kit.deadletters.DeadLetterViews.ReplayResult;
import org.opendsr.kit.messaging.DeadLetters;
import org.opendsr.kit.messaging.InboundEvents;
import org.opendsr.kit.messaging.UnprocessableEvent;
import org.opendsr.kit.rules.RuleBroken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service's dead-letter office ({@code dsr_kit.dead_letter}): keeps each record one of this service's consumer
 * groups dead-lettered ({@link DeadLetterIntake} brings them from the dead-letter topics), lists them by reason with
 * no personal data, replays one through its group's own handler and inbox ({@link InboundEvents#replay}) or discards
 * it with a reason, both audited; removes the personal data of agency inbound ones after
 * {@code dsr.dead-letters.redact-after} and forgets every one after {@code dsr.dead-letters.keep-for}.
 */
@Singleton
public class DeadLetterOffice {

    public static final int MAX_PAGE = 200;
    static final int MAX_DISCARD_REASON = 500;
    private static final int REDACT_CHUNK = 500;

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterOffice.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUMMARY_COLUMNS = "id, state, reason_code, reason, consumer_group, original_topic,"
            + " original_partition, original_offset, event_id, event_type, failed_at, received_at,"
            + " carries_personal_data, record_key, record_value IS NOT NULL, redacted_at, replay_attempts,"
            + " state_changed_at, state_changed_by, seq";

    private final TransactionOperations<Connection> transactions;
    private final InboundEvents inbound;
    private final AuditLog audit;
    private final Clock clock;
    private final Period redactAfter;
    private final Period keepFor;

    public DeadLetterOffice(TransactionOperations<Connection> transactions, InboundEvents inbound, AuditLog audit,
                            Clock clock,
                            @Value("${dsr.dead-letters.redact-after:P7D}") Period redactAfter,
                            @Value("${dsr.dead-letters.keep-for:P90D}") Period keepFor) {
        this.transactions = transactions;
        this.inbound = inbound;
        this.audit = audit;
        this.clock = clock;
        this.redactAfter = redactAfter;
        this.keepFor = keepFor;
    }

    // ---- keeping --------------------------------------------------------------------------------------------------

    /**
     * Keeps a record read from a dead-letter topic if one of {@code groups} (this service's) dead-lettered it; once
     * only, however often it is read. Returns whether it is this service's.
     */
    public boolean receive(ConsumerRecord<String, byte[]> deadLetter, Set<String> groups) {
        String group = header(deadLetter, DeadLetters.CONSUMER_GROUP);
        if (group == null || !groups.contains(group)) {
            return false;
        }
        String originalTopic = Optional.ofNullable(header(deadLetter, DeadLetters.ORIGINAL_TOPIC))
                .orElse(deadLetter.topic().replaceFirst("\\.dlt$", ""));
        boolean personal = Topics.agencyOf(originalTopic).isPresent();
        JsonNode envelope = envelopeOf(deadLetter.value());
        String eventId = Optional.ofNullable(header(deadLetter, DeadLetters.EVENT_ID))
                .orElseGet(() -> text(envelope, "id"));
        transactions.executeWrite(status -> {
            try (PreparedStatement insert = status.getConnection().prepareStatement("""
                    INSERT INTO dsr_kit.dead_letter (id, consumer_group, original_topic, original_partition,
                        original_offset, dead_letter_topic, reason_code, reason, event_id, event_type, failed_at,
                        received_at, carries_personal_data, record_key, record_value, headers)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                    ON CONFLICT (consumer_group, original_topic, original_partition, original_offset) DO NOTHING""")) {
                int i = 0;
                insert.setObject(++i, UUID.randomUUID());
                insert.setString(++i, group);
                insert.setString(++i, originalTopic);
                insert.setInt(++i, intHeader(deadLetter, DeadLetters.ORIGINAL_PARTITION, deadLetter.partition()));
                insert.setLong(++i, longHeader(deadLetter, DeadLetters.ORIGINAL_OFFSET, deadLetter.offset()));
                insert.setString(++i, deadLetter.topic());
                insert.setString(++i, Optional.ofNullable(header(deadLetter, DeadLetters.REASON_CODE))
                        .orElse(UnprocessableEvent.Reason.UNEXPECTED_FAILURE.name()));
                insert.setString(++i, Optional.ofNullable(header(deadLetter, DeadLetters.REASON)).orElse(""));
                insert.setString(++i, limited(eventId));
                insert.setString(++i, limited(text(envelope, "type")));
                insert.setTimestamp(++i, Timestamp.from(failedAt(deadLetter)));
                insert.setTimestamp(++i, Timestamp.from(clock.instant()));
                insert.setBoolean(++i, personal);
                insert.setString(++i, deadLetter.key());
                insert.setBytes(++i, deadLetter.value());
                insert.setString(++i, ownHeaders(deadLetter));
                insert.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("could not keep a dead letter", e);
            }
            return null;
        });
        return true;
    }

    // ---- listing --------------------------------------------------------------------------------------------------

    public DeadLetterList list(@Nullable UnprocessableEvent.Reason reasonCode, @Nullable DeadLetterState state,
                               @Nullable Long after, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        return transactions.executeRead(status -> {
            Connection connection = status.getConnection();
            List<ReasonCount> counts = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT reason_code, state, count(*) FROM dsr_kit.dead_letter
                    GROUP BY reason_code, state ORDER BY reason_code, state""");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.add(new ReasonCount(rows.getString(1), DeadLetterState.valueOf(rows.getString(2)),
                            rows.getLong(3)));
                }
            }
            List<DeadLetterSummary> items = new ArrayList<>();
            Long nextAfter = null;
            try (PreparedStatement select = connection.prepareStatement("SELECT " + SUMMARY_COLUMNS
                    + " FROM dsr_kit.dead_letter WHERE (?::text IS NULL OR reason_code = ?) AND (?::text IS NULL OR state = ?)"
                    + " AND seq > ? ORDER BY seq LIMIT ?")) {
                String code = reasonCode == null ? null : reasonCode.name();
                String inState = state == null ? null : state.name();
                select.setString(1, code);
                select.setString(2, code);
                select.setString(3, inState);
                select.setString(4, inState);
                select.setLong(5, after == null ? 0 : after);
                select.setInt(6, size + 1);
                try (ResultSet rows = select.executeQuery()) {
                    long last = 0;
                    while (rows.next()) {
                        if (items.size() == size) {
                            nextAfter = last;
                            break;
                        }
                        items.add(summary(rows));
                        last = rows.getLong(20);
                    }
                }
            }
            return new DeadLetterList(counts, items, nextAfter);
        });
    }

    // ---- replaying and discarding ---------------------------------------------------------------------------------

    /**
     * Runs the dead letter's consumer group's handler on it again, through that group's inbox: applied once, even if
     * it had been processed meanwhile. Done: REPLAYED, audited with it. Failed again: still WAITING with the new
     * reason, the attempt audited as FAILED.
     */
    public ReplayResult replay(UUID deadLetterId, Caller caller) {
        Stored stored = stored(deadLetterId, caller, "REPLAY");
        if (stored.redactedAt() != null) {
            refuse(caller, "REPLAY", deadLetterId);
            throw RuleBroken.conflict("dead-letter-redacted", "The dead letter's personal data was removed",
                    "this dead letter's personal data was removed after " + redactAfter + " (dsr.dead-letters."
                            + "redact-after), so it cannot be replayed: ask the agency to send the event again");
        }
        if (stored.value() == null) {
            refuse(caller, "REPLAY", deadLetterId);
            throw RuleBroken.conflict("dead-letter-without-payload", "The dead letter has no payload to replay",
                    "the record was too large to dead-letter, so only where it was is kept; it cannot be replayed");
        }
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(stored.originalTopic(), stored.originalPartition(),
                stored.originalOffset(), ConsumerRecord.NO_TIMESTAMP, TimestampType.NO_TIMESTAMP_TYPE,
                ConsumerRecord.NULL_SIZE, ConsumerRecord.NULL_SIZE, stored.key(), stored.value(),
                headersOf(stored.headers()), Optional.empty());
        InboundEvents.Replayed replayed;
        try {
            replayed = inbound.replay(record, stored.consumerGroup(), () -> settle(stored, DeadLetterState.REPLAYED,
                    null, caller, true));
        } catch (UnprocessableEvent failure) {
            failedAgain(stored, failure, caller);
            LOG.warn("A replay of dead letter {} ({}) failed again: {}", deadLetterId, stored.consumerGroup(),
                    failure.reason());
            return new ReplayResult("FAILED", summaryOf(deadLetterId));
        }
        LOG.info("Dead letter {} ({}) replayed: {}", deadLetterId, stored.consumerGroup(), replayed);
        return new ReplayResult(replayed.name(), summaryOf(deadLetterId));
    }

    /** Marks the dead letter DISCARDED with the lead's reason, audited; its record's key and value are forgotten. */
    public DeadLetterSummary discard(UUID deadLetterId, @Nullable String reason, Caller caller) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw RuleBroken.invalid("reason", "say why the dead letter is discarded");
        }
        if (why.length() > MAX_DISCARD_REASON || why.chars().anyMatch(c -> c == '\n' || c == '\r')) {
            throw RuleBroken.invalid("reason", "must be one line of at most " + MAX_DISCARD_REASON + " characters");
        }
        Stored stored = stored(deadLetterId, caller, "DISCARD");
        transactions.executeWrite(status -> {
            settle(stored, DeadLetterState.DISCARDED, why, caller, false);
            return null;
        });
        LOG.info("Dead letter {} ({}, {}) discarded", deadLetterId, stored.consumerGroup(), stored.reasonCode());
        return summaryOf(deadLetterId);
    }

    /** In the caller's transaction: the new state, the record's key and value forgotten, and the audit entry. */
    private void settle(Stored stored, DeadLetterState state, @Nullable String discardReason, Caller caller,
                        boolean replay) {
        Connection connection = (Connection) transactions.findTransactionStatus().orElseThrow().getConnection();
        Instant now = clock.instant();
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE dsr_kit.dead_letter SET state = ?, state_changed_at = ?, state_changed_by = ?,
                    discard_reason = ?, record_key = NULL, record_value = NULL, headers = NULL,
                    replay_attempts = replay_attempts + ?
                WHERE id = ? AND state = 'WAITING'""")) {
            update.setString(1, state.name());
            update.setTimestamp(2, Timestamp.from(now));
            update.setString(3, caller.userId());
            update.setString(4, discardReason);
            update.setInt(5, replay ? 1 : 0);
            update.setObject(6, stored.id());
            if (update.executeUpdate() == 0) {
                throw notWaiting(stored.id());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not settle a dead letter", e);
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("state", state.name());
        after.put("reasonCode", stored.reasonCode());
        after.put("consumerGroup", stored.consumerGroup());
        if (discardReason != null) {
            after.put("discardReason", discardReason);
        }
        audit.append(AuditEntry.allowed(now, caller.userId(), roles(caller), replay ? "REPLAYED" : "DISCARDED", null,
                        what(stored.id()), AccessPurpose.DATA_QUALITY.name())
                .withChange(Map.of("state", DeadLetterState.WAITING.name()), after));
    }

    /** Still WAITING, with the reason it failed this time. */
    private void failedAgain(Stored stored, UnprocessableEvent failure, Caller caller) {
        transactions.executeWrite(status -> {
            try (PreparedStatement update = status.getConnection().prepareStatement("""
                    UPDATE dsr_kit.dead_letter SET reason_code = ?, reason = ?, replay_attempts = replay_attempts + 1
                    WHERE id = ? AND state = 'WAITING'""")) {
                update.setString(1, failure.reason().name());
                update.setString(2, failure.getMessage() == null ? "" : failure.getMessage());
                update.setObject(3, stored.id());
                update.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("could not record a failed replay", e);
            }
            audit.append(new AuditEntry(clock.instant(), caller.userId(), roles(caller), "REPLAYED", null,
                    what(stored.id()), AccessPurpose.DATA_QUALITY.name(), AuditOutcome.FAILED,
                    Map.of("reasonCode", stored.reasonCode()), Map.of("reasonCode", failure.reason().name()), null,
                    null));
            return null;
        });
    }

    private Stored stored(UUID deadLetterId, Caller caller, String action) {
        Optional<Stored> stored = transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement("""
                    SELECT id, state, consumer_group, original_topic, original_partition, original_offset,
                        reason_code, record_key, record_value, headers::text, redacted_at
                    FROM dsr_kit.dead_letter WHERE id = ?""")) {
                select.setObject(1, deadLetterId);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.<Stored>empty();
                    }
                    Timestamp redacted = rows.getTimestamp(11);
                    return Optional.of(new Stored(rows.getObject(1, UUID.class),
                            DeadLetterState.valueOf(rows.getString(2)), rows.getString(3), rows.getString(4),
                            rows.getInt(5), rows.getLong(6), rows.getString(7), rows.getString(8), rows.getBytes(9),
                            rows.getString(10), redacted == null ? null : redacted.toInstant()));
                }
            }
        });
        if (stored.isEmpty()) {
            refuse(caller, action, deadLetterId, AuditOutcome.NOT_FOUND);
            throw RuleBroken.notFound("Dead letter");
        }
        if (stored.get().state() != DeadLetterState.WAITING) {
            refuse(caller, action, deadLetterId);
            throw notWaiting(deadLetterId);
        }
        return stored.get();
    }

    private static RuleBroken notWaiting(UUID deadLetterId) {
        return RuleBroken.conflict("dead-letter-handled", "The dead letter was handled already",
                "dead letter " + deadLetterId + " was replayed or discarded already");
    }

    private void refuse(Caller caller, String action, UUID deadLetterId) {
        refuse(caller, action, deadLetterId, AuditOutcome.REFUSED);
    }

    private void refuse(Caller caller, String action, UUID deadLetterId, AuditOutcome outcome) {
        audit.appendInItsOwnTransaction(AuditEntry.attempted(clock.instant(), caller.userId(), roles(caller),
                action.equals("REPLAY") ? "REPLAYED" : "DISCARDED", null, what(deadLetterId),
                AccessPurpose.DATA_QUALITY.name(), outcome));
    }

    private static String what(UUID deadLetterId) {
        return "dead letter " + deadLetterId;
    }

    private static String roles(Caller caller) {
        return String.join(",", new java.util.TreeSet<>(caller.roles()));
    }

    private DeadLetterSummary summaryOf(UUID deadLetterId) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT " + SUMMARY_COLUMNS + " FROM dsr_kit.dead_letter WHERE id = ?")) {
                select.setObject(1, deadLetterId);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        throw RuleBroken.notFound("Dead letter");
                    }
                    return summary(rows);
                }
            }
        });
    }

    private static DeadLetterSummary summary(ResultSet rows) throws SQLException {
        boolean personal = rows.getBoolean(13);
        Timestamp redacted = rows.getTimestamp(16);
        Timestamp changed = rows.getTimestamp(18);
        return new DeadLetterSummary(rows.getObject(1, UUID.class), DeadLetterState.valueOf(rows.getString(2)),
                rows.getString(3), ListedReason.of(rows.getString(4), personal), rows.getString(5), rows.getString(6),
                rows.getInt(7), rows.getLong(8), rows.getString(9), rows.getString(10),
                rows.getTimestamp(11).toInstant(), rows.getTimestamp(12).toInstant(), personal,
                // An agency's key is its own reference for the person: not listed.
                personal ? null : rows.getString(14), rows.getBoolean(15),
                redacted == null ? null : redacted.toInstant(), rows.getInt(17),
                changed == null ? null : changed.toInstant(), rows.getString(19));
    }

    // ---- redaction and retention ----------------------------------------------------------------------------------

    /**
     * Removes the personal data of agency inbound dead letters that failed more than {@code redact-after} ago: the
     * value keeps its envelope's identifying attributes only ({@link PersonalDataRedaction}), the key and headers go.
     * Safe with two replicas: each takes rows the other has not locked ({@code SKIP LOCKED}), and a row redacted is
     * never taken again. Returns how many were redacted.
     */
    public int redactDue() {
        Instant cutoff = clock.instant().atOffset(ZoneOffset.UTC).minus(redactAfter).toInstant();
        int total = 0;
        while (true) {
            int redacted = transactions.executeWrite(status -> redactChunk(status.getConnection(), cutoff));
            total += redacted;
            if (redacted < REDACT_CHUNK) {
                return total;
            }
        }
    }

    private int redactChunk(Connection connection, Instant cutoff) throws SQLException {
        Map<UUID, byte[]> due = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT id, record_value FROM dsr_kit.dead_letter
                WHERE carries_personal_data AND redacted_at IS NULL AND failed_at <= ?
                ORDER BY failed_at LIMIT ? FOR UPDATE SKIP LOCKED""")) {
            select.setTimestamp(1, Timestamp.from(cutoff));
            select.setInt(2, REDACT_CHUNK);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    due.put(rows.getObject(1, UUID.class), rows.getBytes(2));
                }
            }
        }
        if (due.isEmpty()) {
            return 0;
        }
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE dsr_kit.dead_letter SET record_value = ?, record_key = NULL, headers = NULL, redacted_at = ?
                WHERE id = ?""")) {
            Timestamp now = Timestamp.from(clock.instant());
            for (Map.Entry<UUID, byte[]> row : due.entrySet()) {
                byte[] redacted = PersonalDataRedaction.envelopeOnly(row.getValue());
                if (redacted == null) {
                    update.setNull(1, Types.BINARY);
                } else {
                    update.setBytes(1, redacted);
                }
                update.setTimestamp(2, now);
                update.setObject(3, row.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
        return due.size();
    }

    /** Forgets dead letters that failed more than {@code keep-for} ago, whatever their state. Idempotent. */
    public int forgetExpired() {
        Instant cutoff = clock.instant().atOffset(ZoneOffset.UTC).minus(keepFor).toInstant();
        return transactions.executeWrite(status -> {
            try (PreparedStatement delete = status.getConnection().prepareStatement(
                    "DELETE FROM dsr_kit.dead_letter WHERE failed_at <= ?")) {
                delete.setTimestamp(1, Timestamp.from(cutoff));
                return delete.executeUpdate();
            }
        });
    }

    // ---- reading records ------------------------------------------------------------------------------------------

    private record Stored(UUID id, DeadLetterState state, String consumerGroup, String originalTopic,
                          int originalPartition, long originalOffset, String reasonCode, String key, byte[] value,
                          String headers, Instant redactedAt) {
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static int intHeader(ConsumerRecord<String, byte[]> record, String name, int otherwise) {
        try {
            return Integer.parseInt(header(record, name));
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static long longHeader(ConsumerRecord<String, byte[]> record, String name, long otherwise) {
        try {
            return Long.parseLong(header(record, name));
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static Instant failedAt(ConsumerRecord<String, byte[]> record) {
        String failedAt = header(record, DeadLetters.FAILED_AT);
        try {
            return failedAt == null ? Instant.ofEpochMilli(record.timestamp()) : Instant.parse(failedAt);
        } catch (DateTimeParseException e) {
            return Instant.ofEpochMilli(record.timestamp());
        }
    }

    private static JsonNode envelopeOf(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            JsonNode tree = JSON.readTree(value);
            return tree != null && tree.isObject() ? tree : null;
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    private static String text(JsonNode envelope, String attribute) {
        JsonNode node = envelope == null ? null : envelope.get(attribute);
        return node != null && node.isTextual() ? node.asText() : null;
    }

    private static String limited(String text) {
        return text == null || text.length() <= 200 ? text : null;
    }

    /** The record's own headers (a trace parent, a correlation id), without the dead-letter ones, for a replay. */
    private static String ownHeaders(ConsumerRecord<String, byte[]> record) {
        ArrayNode headers = JSON.createArrayNode();
        for (Header header : record.headers()) {
            if (!header.key().startsWith("dsr.dlt.")) {
                headers.addObject().put("name", header.key())
                        .put("value", header.value() == null ? null : Base64.getEncoder().encodeToString(header.value()));
            }
        }
        return headers.isEmpty() ? null : headers.toString();
    }

    private static RecordHeaders headersOf(String stored) {
        RecordHeaders headers = new RecordHeaders();
        if (stored == null) {
            return headers;
        }
        try {
            for (JsonNode header : JSON.readTree(stored)) {
                JsonNode value = header.get("value");
                headers.add(new RecordHeader(header.get("name").asText(),
                        value == null || value.isNull() ? null : Base64.getDecoder().decode(value.asText())));
            }
        } catch (IOException e) {
            LOG.warn("A dead letter's stored headers could not be read; replaying without them");
        }
        return headers;
    }
}
