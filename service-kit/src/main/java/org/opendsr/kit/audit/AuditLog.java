package org.opendsr.kit.audit;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.opendsr.kit.observability.CorrelationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail of a service, in its own database ({@code dsr_kit.audit_entry}): append-only (the database
 * refuses UPDATE, DELETE and TRUNCATE) and sealed into a hash chain shortly after each commit ({@link AuditChain}).
 * Any service on the kit uses it the same way:
 *
 * <ul>
 *   <li>{@link #append} / {@link #appendAll}: a read or change that happened, in the caller's transaction, so the
 *       entry and what it records commit together or not at all;</li>
 *   <li>{@link #appendInItsOwnTransaction}: a refused or not-found attempt, committed at once on its own connection,
 *       so it survives the rollback of the request it refuses;</li>
 *   <li>{@link #appendOnce}: an entry copied from elsewhere (the gateway's access records), once per source id;</li>
 *   <li>{@link #ofPerson} / {@link #ofActor}: a person's or a user's audit, newest first, keyset-paged.</li>
 * </ul>
 *
 * The correlation id of the current request or event is recorded unless the entry carries its own.
 *
 * <p>The old/new values of an entry about a person are encrypted with that person's audit key ({@link AuditKeys},
 * {@link ErasableValues}) and decrypted when read, so that the person's erasure, which forgets the key, erases them
 * from the trail without rewriting it; read after that, they are {@code {"erased": true}}.
 */
@Singleton
public class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    private static final String COLUMNS = "occurred_at, actor, actor_roles, action, person_id, what, purpose,"
            + " outcome, old_values, new_values, correlation_id, source_id";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)";
    private static final String SELECTED = "e.seq, e.occurred_at, e.actor, e.actor_roles, e.action, e.person_id,"
            + " e.what, e.purpose, e.outcome, e.old_values::text, e.new_values::text, e.correlation_id, k.key";

    private final TransactionOperations<Connection> transactions;
    private final DataSource dataSource;
    private final JsonMapper json;

    public AuditLog(TransactionOperations<Connection> transactions, DataSource dataSource,
                    DataSourceResolver resolver, JsonMapper json) {
        this.transactions = transactions;
        this.dataSource = resolver.resolve(dataSource);
        this.json = json;
    }

    /** Writes the entry in the caller's transaction (there must be one). */
    public void append(AuditEntry entry) {
        appendAll(List.of(entry));
    }

    /** Writes the entries, in this order, with one statement, in the caller's transaction (there must be one). */
    public void appendAll(List<AuditEntry> entries) {
        appendAll(entries, true);
    }

    /**
     * Writes the entry in the caller's transaction with its values stored plain, not under the person's audit key:
     * only for values that are no personal data (counts, codes, ids) and must stay readable after the person's
     * erasure, e.g. how many records the erasure itself removed (written after the key is gone, it would otherwise
     * make the person a new key). Never for names, dates of birth, addresses or free text.
     */
    public void appendWithPlainValues(AuditEntry entry) {
        appendAll(List.of(entry), false);
    }

    private void appendAll(List<AuditEntry> entries, boolean encrypt) {
        if (entries.isEmpty()) {
            return;
        }
        Connection connection = (Connection) transactions.findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException(
                        "An audit entry is written in the transaction of what it records; there is none"))
                .getConnection();
        try {
            insert(connection, entries, false, encrypt);
        } catch (SQLException e) {
            throw new AuditWriteFailed(e);
        }
    }

    /**
     * Writes the entry on a connection of its own and commits it at once, whatever happens to the caller's
     * transaction: for a refused or not-found attempt, which is answered with an error that rolls the request back.
     */
    public void appendInItsOwnTransaction(AuditEntry entry) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            insert(connection, List.of(entry), false, true);
        } catch (SQLException e) {
            throw new AuditWriteFailed(e);
        }
    }

    /**
     * Writes the entry, identified by its {@link AuditEntry#sourceId()}, unless an entry with that source id is
     * already there; in the caller's transaction when there is one, else committed at once. True if written.
     */
    public boolean appendOnce(AuditEntry entry) {
        if (entry.sourceId() == null) {
            throw new IllegalArgumentException("appendOnce needs the entry's source id");
        }
        try {
            var transaction = transactions.findTransactionStatus();
            if (transaction.isPresent()) {
                return insert((Connection) transaction.get().getConnection(), List.of(entry), true, true) == 1;
            }
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                return insert(connection, List.of(entry), true, true) == 1;
            }
        } catch (SQLException e) {
            throw new AuditWriteFailed(e);
        }
    }

    /** A person's audit, newest first: entries before {@code before} (a seq; null for the newest). */
    public AuditPage ofPerson(UUID personId, @Nullable Long before, int size) {
        return page("e.person_id = ?", personId, before, size);
    }

    /**
     * Several people's audit as one, newest first: a record and those merged into it (the trail is append-only, so a
     * merge cannot move entries; it reads them together instead).
     */
    public AuditPage ofPeople(java.util.Collection<UUID> personIds, @Nullable Long before, int size) {
        return page("e.person_id = ANY (?::uuid[])", personIds.stream().map(UUID::toString).toArray(String[]::new),
                before, size);
    }

    /** Everything one actor (a token's subject, or a system) did or tried, newest first. */
    public AuditPage ofActor(String actor, @Nullable Long before, int size) {
        return page("e.actor = ?", actor, before, size);
    }

    private AuditPage page(String condition, Object key, @Nullable Long before, int size) {
        int limit = Math.max(1, Math.min(size, AuditPage.MAX_SIZE));
        // The person's key with each entry: none for an entry about no one, or once the person was erased.
        String sql = "SELECT " + SELECTED + " FROM dsr_kit.audit_entry e"
                + " LEFT JOIN dsr_kit.audit_person_key k ON k.person_id = e.person_id WHERE " + condition
                + " AND e.seq < ? ORDER BY e.seq DESC LIMIT ?";
        // In the caller's transaction when there is one, so a reading of the trail that was just recorded shows.
        var transaction = transactions.findTransactionStatus();
        try (Connection own = transaction.isPresent() ? null : dataSource.getConnection();
             PreparedStatement select = (own != null ? own : (Connection) transaction.get().getConnection())
                     .prepareStatement(sql)) {
            select.setObject(1, key);
            select.setLong(2, before == null ? Long.MAX_VALUE : before);
            select.setInt(3, limit + 1);
            List<AuditRecord> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long seq = rows.getLong(1);
                    UUID personId = rows.getObject(6, UUID.class);
                    byte[] personKey = rows.getBytes(13);
                    found.add(new AuditRecord(seq, rows.getTimestamp(2).toInstant(), rows.getString(3),
                            rows.getString(4), rows.getString(5), personId, rows.getString(7),
                            rows.getString(8), rows.getString(9), readable(seq, personId, personKey, rows.getString(10)),
                            readable(seq, personId, personKey, rows.getString(11)), rows.getString(12)));
                }
            }
            boolean more = found.size() > limit;
            List<AuditRecord> shown = more ? found.subList(0, limit) : found;
            return new AuditPage(List.copyOf(shown), limit, more ? shown.get(shown.size() - 1).seq() : null);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the audit trail", e);
        }
    }

    private int insert(Connection connection, List<AuditEntry> entries, boolean once, boolean encrypt)
            throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO dsr_kit.audit_entry (").append(COLUMNS).append(") VALUES ");
        for (int i = 0; i < entries.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(ROW);
        }
        if (once) {
            sql.append(" ON CONFLICT (source_id) DO NOTHING");
        }
        String currentCorrelationId = CorrelationId.current().orElse(null);
        // The keys of the people whose values are written, made on first use on this connection (so in the
        // caller's transaction when there is one): the values are only ever stored encrypted.
        Map<UUID, byte[]> keys = AuditKeys.keysFor(connection, entries.stream()
                .filter(entry -> encrypt && entry.personId() != null
                        && (entry.oldValues() != null || entry.newValues() != null))
                .map(AuditEntry::personId).toList());
        try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
            int parameter = 1;
            for (AuditEntry entry : entries) {
                insert.setTimestamp(parameter++, Timestamp.from(entry.occurredAt()));
                insert.setString(parameter++, entry.actor());
                insert.setString(parameter++, entry.actorRoles());
                insert.setString(parameter++, entry.action());
                insert.setObject(parameter++, entry.personId());
                insert.setString(parameter++, entry.what());
                insert.setString(parameter++, entry.purpose());
                insert.setString(parameter++, entry.outcome().name());
                byte[] key = entry.personId() == null ? null : keys.get(entry.personId());
                insert.setString(parameter++, stored(key, entry.personId(), entry.oldValues()));
                insert.setString(parameter++, stored(key, entry.personId(), entry.newValues()));
                insert.setString(parameter++, entry.correlationId() != null ? entry.correlationId()
                        : currentCorrelationId);
                insert.setString(parameter++, entry.sourceId());
            }
            return insert.executeUpdate();
        }
    }

    private String jsonOf(@Nullable Map<String, ?> values) {
        if (values == null) {
            return null;
        }
        try {
            return json.writeValueAsString(values);
        } catch (IOException e) {
            throw new IllegalArgumentException("Could not write the audited values as JSON");
        }
    }

    /** The values as stored: encrypted with the person's key when the entry is about a person, else plain JSON. */
    private String stored(@Nullable byte[] key, @Nullable UUID personId, @Nullable Map<String, ?> values) {
        String plain = jsonOf(values);
        if (plain == null || key == null) {
            return plain;
        }
        return jsonOf(Map.of(ErasableValues.ENCRYPTED, ErasableValues.encrypt(key, personId, plain),
                ErasableValues.VERSION, ErasableValues.CURRENT_VERSION));
    }

    /**
     * The values as a reader sees them: decrypted with the person's key; {@code {"erased": true}} once the key is
     * forgotten (or when it does not open them); as stored when they were written plain (about no one, or before the
     * kit encrypted). Never fails on a value: a trail with an erased person in it must still be readable.
     */
    private Map<String, Object> readable(long seq, @Nullable UUID personId, @Nullable byte[] key,
                                         @Nullable String text) {
        Map<String, Object> stored = values(text);
        if (stored == null || !ErasableValues.isEncrypted(stored)) {
            return stored;
        }
        if (key == null || personId == null) {
            return ErasableValues.ERASED;
        }
        try {
            return values(ErasableValues.decrypt(key, personId, (String) stored.get(ErasableValues.ENCRYPTED)));
        } catch (GeneralSecurityException e) {
            // Altered, or written under a key since forgotten and made again: unreadable either way. The chain
            // check tells an alteration; the entry's position is all this line says.
            LOG.warn("Audit entry {}: its values do not open with the person's key; shown as erased", seq);
            return ErasableValues.ERASED;
        }
    }

    private Map<String, Object> values(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new IllegalStateException("Could not read audited values");
        }
    }

    /** The entry could not be written; the caller's transaction (if any) rolls back with it. */
    public static final class AuditWriteFailed extends RuntimeException {
        AuditWriteFailed(SQLException cause) {
            super("Could not write to the audit trail", cause);
        }
    }
}
