package org.opendsr.kit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.testkit.DsrTestEnvironment;

/**
 * Crypto-shredding of the audit trail on real PostgreSQL: a person's changed values are stored encrypted, read back
 * decrypted, and shown as erased once their key is forgotten; the chain checks intact before and after, and the
 * trail stays append-only. Entries about no one, and entries written before the kit encrypted, read as stored.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErasableAuditValuesTest implements TestPropertyProvider {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    @Inject
    AuditLog log;

    @Inject
    AuditKeys keys;

    @Inject
    AuditChain chain;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    DataSource dataSource;

    @Inject
    DataSourceResolver resolver;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DsrTestEnvironment.forService("kit"));
        properties.put("dsr.outbox.relay-enabled", "false");
        return properties;
    }

    @Test
    void aPersonsChangedValuesAreEncryptedAtRestReadDecryptedAndErasedWithTheirKey() throws SQLException {
        UUID person = UUID.randomUUID();
        writeChange(person, Map.of("familyName", "Oyelaran-Whitcombe", "postcode", "SN1 2JH"),
                Map.of("familyName", "Oyelaran", "postcode", "SN2 1AA"));

        String stored = storedValues(person);
        assertThat(stored).contains("\"encrypted\"").doesNotContain("Oyelaran").doesNotContain("SN1 2JH")
                .doesNotContain("SN2 1AA").doesNotContain("familyName");
        AuditRecord read = onlyEntryOf(person);
        assertThat(read.oldValues()).containsEntry("familyName", "Oyelaran-Whitcombe").containsEntry("postcode", "SN1 2JH");
        assertThat(read.newValues()).containsEntry("familyName", "Oyelaran").containsEntry("postcode", "SN2 1AA");
        assertThat(chain.check().intact()).isTrue();

        transactions.executeWrite(status -> keys.forget(person));

        assertThat(count("SELECT count(*) FROM dsr_kit.audit_person_key WHERE person_id = ?", person)).isZero();
        AuditRecord erased = onlyEntryOf(person);
        assertThat(erased.oldValues()).isEqualTo(Map.of("erased", true));
        assertThat(erased.newValues()).isEqualTo(Map.of("erased", true));
        // Who did what, when and why is kept.
        assertThat(erased.actor()).isEqualTo("dsr-lead-1");
        assertThat(erased.action()).isEqualTo("CHANGED");
        assertThat(erased.what()).isEqualTo("name and address");
        assertThat(erased.purpose()).isEqualTo("DIRECT_CARE");
        assertThat(erased.occurredAt()).isEqualTo(NOW);
        // The entry itself is untouched, so the chain that hashed it still checks intact.
        assertThat(storedValues(person)).isEqualTo(stored);
        ChainCheck after = chain.check();
        assertThat(after.intact()).as(after.toString()).isTrue();
    }

    @Test
    void theTrailStaysAppendOnlyAfterAnErasure() throws SQLException {
        UUID person = UUID.randomUUID();
        writeChange(person, Map.of("postcode", "SN1 2JH"), Map.of("postcode", "SN2 1AA"));
        chain.sealAll();
        transactions.executeWrite(status -> keys.forget(person));

        for (String statement : List.of(
                "UPDATE dsr_kit.audit_entry SET old_values = NULL WHERE person_id = '" + person + "'",
                "DELETE FROM dsr_kit.audit_entry WHERE person_id = '" + person + "'",
                "TRUNCATE dsr_kit.audit_entry")) {
            assertThatThrownBy(() -> execute(statement)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
        }
        assertThat(count("SELECT count(*) FROM dsr_kit.audit_entry WHERE person_id = ?", person)).isOne();
    }

    @Test
    void aKeyIsForgottenOnlyIfTheErasureCommits() {
        UUID person = UUID.randomUUID();
        writeChange(person, Map.of("postcode", "SN1 2JH"), Map.of("postcode", "SN2 1AA"));

        assertThatThrownBy(() -> transactions.executeWrite(status -> {
            keys.forget(person);
            throw new IllegalStateException("the rest of the erasure failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(onlyEntryOf(person).newValues()).containsEntry("postcode", "SN2 1AA");
    }

    @Test
    void onePersonsErasureLeavesAnothersValuesReadable() {
        UUID erased = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        writeChange(erased, Map.of("postcode", "SN1 2JH"), Map.of("postcode", "SN2 1AA"));
        writeChange(kept, Map.of("postcode", "BA1 1AA"), Map.of("postcode", "BA2 2BB"));

        transactions.executeWrite(status -> keys.forget(erased));

        assertThat(onlyEntryOf(erased).newValues()).isEqualTo(Map.of("erased", true));
        assertThat(onlyEntryOf(kept).newValues()).containsEntry("postcode", "BA2 2BB");
    }

    @Test
    void entriesAboutNoOneAndEntriesWrittenBeforeEncryptionReadAsStored() throws SQLException {
        String actor = "lead-" + UUID.randomUUID();
        transactions.executeWrite(status -> {
            log.append(AuditEntry.allowed(NOW, actor, "DSR_LEAD", "REPLAYED", null, "dead letter", "REGISTER_MANAGEMENT")
                    .withChange(Map.of("state", "WAITING"), Map.of("state", "REPLAYED")));
            return null;
        });
        assertThat(count("SELECT count(*) FROM dsr_kit.audit_entry WHERE actor = ?"
                + " AND new_values->>'state' = 'REPLAYED'", actor)).isOne();
        assertThat(log.ofActor(actor, null, 10).items()).singleElement()
                .satisfies(entry -> assertThat(entry.newValues()).containsEntry("state", "REPLAYED"));

        // As written before V10 (or copied by a service's own migration): plain JSON about a person.
        UUID person = UUID.randomUUID();
        try (Connection connection = resolver.resolve(dataSource).getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO dsr_kit.audit_entry (occurred_at,"
                     + " actor, actor_roles, action, person_id, what, purpose, outcome, old_values, new_values)"
                     + " VALUES (?, 'dsr-lead-1', 'DSR_LEAD', 'CHANGED', ?, 'address', 'DIRECT_CARE', 'ALLOWED',"
                     + " '{\"postcode\": \"SN1 2JH\"}', '{\"postcode\": \"SN2 1AA\"}')")) {
            insert.setTimestamp(1, Timestamp.from(NOW));
            insert.setObject(2, person);
            insert.executeUpdate();
        }
        assertThat(onlyEntryOf(person).oldValues()).containsEntry("postcode", "SN1 2JH");
    }

    @Test
    void anEntryWithoutValuesMakesNoKey() throws SQLException {
        UUID person = UUID.randomUUID();
        transactions.executeWrite(status -> {
            log.append(AuditEntry.allowed(NOW, "dsr-lead-1", "DSR_LEAD", "READ", person, "record", "DIRECT_CARE"));
            return null;
        });
        assertThat(count("SELECT count(*) FROM dsr_kit.audit_person_key WHERE person_id = ?", person)).isZero();
    }

    private void writeChange(UUID person, Map<String, ?> before, Map<String, ?> after) {
        transactions.executeWrite(status -> {
            log.append(AuditEntry.allowed(NOW, "dsr-lead-1", "DSR_LEAD", "CHANGED", person, "name and address",
                    "DIRECT_CARE").withChange(before, after));
            return null;
        });
    }

    private AuditRecord onlyEntryOf(UUID person) {
        List<AuditRecord> items = log.ofPerson(person, null, 10).items();
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private String storedValues(UUID person) throws SQLException {
        try (Connection connection = resolver.resolve(dataSource).getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT old_values::text || ' ' || new_values::text"
                     + " FROM dsr_kit.audit_entry WHERE person_id = ?")) {
            select.setObject(1, person);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private long count(String sql, Object parameter) throws SQLException {
        try (Connection connection = resolver.resolve(dataSource).getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, parameter);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = resolver.resolve(dataSource).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
