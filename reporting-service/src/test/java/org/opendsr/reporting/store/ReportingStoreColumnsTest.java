package org.opendsr.reporting.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opendsr.testkit.DsrTestEnvironment;

/**
 * No column of the store can hold a name, an NHS number, a date of birth as text, a postcode, a personId or free
 * text: proved from information_schema (the columns there are, their types, that every text column is held to a code
 * by a CHECK) and by trying to insert each of those into every column that takes text.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportingStoreColumnsTest implements TestPropertyProvider {

    /**
     * The store's tables (V2), the rebuilds' progress (V4), the fact indexes a rebuild sets aside (V5), and the erased
     * people's tombstones and the merged records' links (V6).
     */
    static final List<String> TABLES = List.of("reporting_person", "reporting_fact", "reporting_store_state",
            "store_rebuild", "store_rebuild_topic", "store_rebuild_index", "reporting_erased_person",
            "reporting_person_link");

    /** What may be stored at all: keyed pseudonyms, codes, days, counts, flags and times of the rebuild. */
    static final Set<String> ALLOWED_TYPES = Set.of("bytea", "text", "date", "boolean", "bigint", "timestamp with time zone");

    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    public Map<String, String> getProperties() {
        return DsrTestEnvironment.forService("reporting");
    }

    record Column(String table, String name, String type) {
    }

    private List<Column> columns() {
        return transactions.executeRead(status -> {
            List<Column> columns = new ArrayList<>();
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT table_name, column_name, data_type FROM information_schema.columns "
                            + "WHERE table_schema = 'public' AND table_name = ANY (?) ORDER BY 1, 2")) {
                select.setArray(1, status.getConnection().createArrayOf("text", TABLES.toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        columns.add(new Column(rows.getString(1), rows.getString(2), rows.getString(3)));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return columns;
        });
    }

    @Test
    void everyColumnIsAPseudonymACodeADayACountOrAFlag() {
        List<Column> columns = columns();
        assertThat(columns.stream().map(Column::table).distinct()).containsExactlyInAnyOrderElementsOf(TABLES);
        assertThat(columns).allSatisfy(column -> assertThat(column.type()).as(column.toString()).isIn(ALLOWED_TYPES));
        // No uuid column anywhere: a personId (or any id of a record) cannot be kept.
        assertThat(columns).noneMatch(column -> column.type().equals("uuid"));
        // No column named for what must not be kept.
        assertThat(columns).noneMatch(column -> column.name().matches(
                ".*(name|nhs|birth|dob|postcode|address|person_id|note|comment|description|text|free).*"));
        // Times only on the rebuilds' progress (when it ran), never on a person's row or fact: days at most there.
        assertThat(columns).filteredOn(column -> column.type().startsWith("timestamp"))
                .allMatch(column -> column.table().startsWith("store_rebuild"));
    }

    @Test
    void everyTextColumnIsHeldToACodeByACheck() {
        List<Column> text = columns().stream().filter(column -> column.type().equals("text")).toList();
        assertThat(text).isNotEmpty();
        Set<String> checked = transactions.executeRead(status -> {
            Set<String> names = new java.util.HashSet<>();
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT c.relname || '.' || a.attname FROM pg_constraint k "
                            + "JOIN pg_class c ON c.oid = k.conrelid "
                            + "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (k.conkey) "
                            + "WHERE k.contype = 'c'");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return names;
        });
        assertThat(text).allSatisfy(column -> assertThat(checked).as(column + " has a CHECK")
                .contains(column.table() + "." + column.name()));
    }

    @Test
    void everyByteaColumnIsA32BytePseudonym() {
        List<Column> bytea = columns().stream().filter(column -> column.type().equals("bytea")).toList();
        assertThat(bytea).extracting(Column::name).containsOnly("pseudonym", "record_key", "from_pseudonym",
                "into_pseudonym");
        for (Column column : bytea) {
            if (!column.table().equals("reporting_fact")) {
                // The people's, the tombstones' and the links' pseudonyms: held to 32 bytes the same way.
                assertThat(checkOf(column)).as(column.toString()).contains("octet_length(" + column.name() + ") = 32");
                continue;
            }
            assertThatThrownBy(() -> insertFact(column.name(), "decode('" + "00".repeat(16) + "', 'hex')"))
                    .as(column.toString()).isInstanceOf(SQLException.class);
            // A personId's 16 bytes, or its text as bytes (36), are not 32 bytes.
            assertThatThrownBy(() -> insertFact(column.name(),
                    "convert_to('3d5e8a52-8f6b-4a57-b1f4-0c2b7e1f9d20', 'UTF8')"))
                    .as(column.toString()).isInstanceOf(SQLException.class);
        }
    }

    @ParameterizedTest(name = "{0}: ''{1}''")
    @CsvSource({
            "a name, Jane Smith",
            "a name in capitals with a space, JANE SMITH",
            "an NHS number, 9434765919",
            "an NHS number as written, 943 476 5919",
            "a date of birth, 2001-02-03",
            "a date of birth as written, 03/02/2001",
            "a date of birth as digits, 03022001",
            "a postcode, SN1 1AA",
            "a postcode without its space, SN11AA",
            "a personId, 3d5e8a52-8f6b-4a57-b1f4-0c2b7e1f9d20",
            "a personId in capitals, 3D5E8A52-8F6B-4A57-B1F4-0C2B7E1F9D20",
            "a personId in capitals without its hyphens, 3D5E8A528F6B4A57B1F40C2B7E1F9D20",
            "a personId in capitals with underscores, 3D5E8A52_8F6B_4A57_B1F4_0C2B7E1F9D20",
            "free text, Seen at home; mother worried about placement.",
    })
    void noTextColumnTakesIt(String what, String value) {
        for (String column : List.of("code", "detail", "locality", "age_band", "life_stage", "kind")) {
            assertThatThrownBy(() -> insertFact(column, quoted(value))).as("reporting_fact." + column + " takes " + what)
                    .isInstanceOf(SQLException.class);
        }
        for (String column : List.of("locality", "age_band", "life_stage", "diagnosis", "ethnic_category",
                "referral_route")) {
            assertThatThrownBy(() -> insertPerson(column, quoted(value))).as("reporting_person." + column + " takes "
                    + what).isInstanceOf(SQLException.class);
        }
        assertThatThrownBy(() -> execute("INSERT INTO store_rebuild (state, started_at, heartbeat_at) VALUES ("
                + quoted(value) + ", now(), now())")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> execute(rebuildTopic(quoted(value)))).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> execute("INSERT INTO store_rebuild_index VALUES (" + quoted(value) + ", "
                + quoted(AN_INDEX) + ")")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> execute("INSERT INTO store_rebuild_index VALUES ('reporting_fact_by_x', "
                + quoted(AN_INDEX.replace("(pseudonym)", "(pseudonym) WHERE (code = '" + value + "')")) + ")"))
                .isInstanceOf(SQLException.class);
    }

    private static final String AN_INDEX = "CREATE INDEX reporting_fact_by_x ON public.reporting_fact USING btree (pseudonym)";

    @Test
    void theInsertsAboveFailOnlyForTheValue() throws SQLException {
        // The same inserts with codes succeed (then roll back), so the refusals above are the values'.
        insertFactAndRollBack("code", quoted("SELF_OR_FAMILY"));
        insertFactAndRollBack("locality", quoted("BATH_AND_NORTH_EAST_SOMERSET"));
        insertPerson("locality", quoted("OUT_OF_AREA"));
        execute(rebuildTopic(quoted("dsr.referral.events")));
        execute("INSERT INTO store_rebuild_index VALUES ('reporting_fact_by_x', " + quoted(AN_INDEX) + ")");
    }

    /**
     * Codes and localities are held to their lengths and characters (V7 checks them without a bounded repetition):
     * 1 to 60 characters of a code, 1 to 40 of a locality, capitals, digits and underscores (and hyphens in a
     * locality), nothing else.
     */
    @Test
    void codesAndLocalitiesAreHeldToTheirLengthAndCharacters() throws SQLException {
        for (String column : List.of("code", "detail")) {
            insertFactAndRollBack(column, quoted("Z".repeat(60)));
            insertFactAndRollBack(column, quoted("Z"));
            for (String refused : List.of("Z".repeat(61), "", "A-B", "a", "A B", "A\nB", "É")) {
                assertThatThrownBy(() -> insertFact(column, quoted(refused)))
                        .as("reporting_fact.%s takes '%s'", column, refused).isInstanceOf(SQLException.class);
            }
        }
        insertFactAndRollBack("locality", quoted("A-".repeat(20)));
        insertPerson("locality", quoted("A-".repeat(20)));
        for (String refused : List.of("Z".repeat(41), "", "a", "A B", "A\nB")) {
            assertThatThrownBy(() -> insertFact("locality", quoted(refused)))
                    .as("reporting_fact.locality takes '%s'", refused).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> insertPerson("locality", quoted(refused)))
                    .as("reporting_person.locality takes '%s'", refused).isInstanceOf(SQLException.class);
        }
    }

    /** A rebuild row and one topic row of it, in one statement. */
    private static String rebuildTopic(String topicSql) {
        return "WITH r AS (INSERT INTO store_rebuild (state, started_at, heartbeat_at) VALUES ('RUNNING', now(), now()) "
                + "RETURNING id) INSERT INTO store_rebuild_topic (rebuild_id, topic, total) SELECT id, " + topicSql
                + ", 0 FROM r";
    }

    private static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private void insertFact(String column, String valueSql) throws SQLException {
        String columns = "pseudonym, kind, occurred_on, arrived_month";
        String values = "decode(repeat('ab', 32), 'hex'), 'RATING', DATE '2026-11-02', DATE '2026-11-01'";
        if (List.of("pseudonym", "kind").contains(column)) {
            columns = columns.replace(column + ", ", "") + ", " + column;
            values = (column.equals("pseudonym") ? "'RATING'" : "decode(repeat('ab', 32), 'hex')")
                    + ", DATE '2026-11-02', DATE '2026-11-01', " + valueSql;
        } else {
            columns += ", " + column;
            values += ", " + valueSql;
        }
        executeAndRollBack("INSERT INTO reporting_fact (" + columns + ") VALUES (" + values + ")");
    }

    private void insertFactAndRollBack(String column, String valueSql) throws SQLException {
        insertFact(column, valueSql);
    }

    private void insertPerson(String column, String valueSql) throws SQLException {
        executeAndRollBack("INSERT INTO reporting_person (pseudonym, " + column + ") VALUES (decode(repeat('cd', 32), "
                + "'hex'), " + valueSql + ")");
    }

    private void execute(String sql) throws SQLException {
        executeAndRollBack(sql);
    }

    /** Runs the statement in a transaction that is always rolled back: nothing is left behind. */
    private void executeAndRollBack(String sql) throws SQLException {
        SQLException[] failure = new SQLException[1];
        try {
            transactions.executeWrite(status -> {
                try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                    statement.execute();
                } catch (SQLException e) {
                    failure[0] = e;
                }
                throw new RolledBack();
            });
        } catch (RolledBack expected) {
            // always
        }
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private static final class RolledBack extends RuntimeException {
    }

    /** The CHECK constraints on a column, as PostgreSQL gives them. */
    private String checkOf(Column column) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT string_agg(pg_get_constraintdef(k.oid), ' ') FROM pg_constraint k "
                            + "JOIN pg_class c ON c.oid = k.conrelid "
                            + "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (k.conkey) "
                            + "WHERE k.contype = 'c' AND c.relname = ? AND a.attname = ?")) {
                select.setString(1, column.table());
                select.setString(2, column.name());
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return String.valueOf(row.getString(1));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
