package org.opendsr.kit.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The hash of one chain position: sha256(previous hash || the entry's canonical form). The canonical form is every
 * column of the entry, each written as its length and its UTF-8 bytes (null as length -1), so no two different
 * entries share a form; times as microseconds since the epoch (PostgreSQL's precision) and JSON values as
 * PostgreSQL's {@code jsonb} text (one text for one value).
 */
final class AuditHash {

    static final byte[] GENESIS = new byte[32];

    /** The columns the hash covers, in this order; read them with {@link #of}. */
    static final String COLUMNS = "e.seq, e.occurred_at, e.recorded_at, e.actor, e.actor_roles, e.action,"
            + " e.person_id::text, e.what, e.purpose, e.outcome, e.old_values::text, e.new_values::text,"
            + " e.correlation_id, e.source_id";
    static final int COLUMN_COUNT = 14;

    private AuditHash() {
    }

    /** The hash of the entry in the row's columns from {@code first} on (as {@link #COLUMNS}), after {@code previous}. */
    static byte[] of(byte[] previous, ResultSet row, int first) throws SQLException {
        MessageDigest digest = sha256();
        digest.update(previous);
        field(digest, Long.toString(row.getLong(first)));
        field(digest, micros(row.getObject(first + 1, OffsetDateTime.class)));
        field(digest, micros(row.getObject(first + 2, OffsetDateTime.class)));
        for (int column = first + 3; column < first + COLUMN_COUNT; column++) {
            field(digest, row.getString(column));
        }
        return digest.digest();
    }

    private static String micros(OffsetDateTime time) {
        Instant instant = time.toInstant();
        return Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, instant));
    }

    private static void field(MessageDigest digest, String value) {
        if (value == null) {
            digest.update(ByteBuffer.allocate(4).putInt(-1).array());
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
