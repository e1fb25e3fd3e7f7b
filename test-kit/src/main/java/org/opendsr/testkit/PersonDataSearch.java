package org.opendsr.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Which tables of a service's database still hold a personId (issue 16: after an erasure, none should but those kept
 * on purpose). Every column that can hold one is searched, found through {@code information_schema}: UUID and UUID
 * array columns, and text columns named like a person or an aggregate id, in the service's schema and the kit's
 * ({@code dsr_kit}). Used by each service's erasure tests and by the cross-service journey.
 */
public final class PersonDataSearch {

    /**
     * Kept on purpose after an erasure: the audit trail (kept for its own retention period, in storage the service's
     * runtime role cannot alter) and the outbox, which holds the erasure's own confirmation until the relay's purge.
     */
    public static final Set<String> KEPT_ON_PURPOSE = Set.of("dsr_kit.audit_entry", "dsr_kit.outbox_event");

    /**
     * A person's audit key (the kit encrypts the old/new values of their audit entries with it). Gone after their
     * erasure; kept after a merge for the duplicate, whose entries (and values) stay under the duplicate's id.
     */
    public static final String AUDIT_KEY = "dsr_kit.audit_person_key.person_id";

    private final String url;
    private final String user;
    private final String password;

    /** A search of one service's database (its datasource's url, user and password). */
    public PersonDataSearch(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The tables ({@code schema.table.column}) holding the personId, but those {@link #KEPT_ON_PURPOSE}. */
    public List<String> tablesHolding(UUID personId) {
        return tablesHolding(url, user, password, personId);
    }

    /** Whether the service has processed (applied, or recorded as a duplicate of) the event with this id. */
    public boolean processed(String eventId) {
        return count("SELECT count(*) FROM dsr_kit.processed_event WHERE event_id = ?", eventId) > 0;
    }

    /** How many events of a type about the person the service has put in its outbox (published or not). */
    public long outboxEvents(UUID personId, String type) {
        return count("SELECT count(*) FROM dsr_kit.outbox_event WHERE aggregateid = ? AND type = ?",
                personId.toString(), type);
    }

    /** The actions on the person's audit trail, oldest first (e.g. ERASED, MERGED). */
    public List<String> auditedActions(UUID personId) {
        List<String> actions = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, user, password);
             PreparedStatement select = connection.prepareStatement(
                     "SELECT action FROM dsr_kit.audit_entry WHERE person_id = ? ORDER BY seq")) {
            select.setObject(1, personId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    actions.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new AssertionError("could not read the audit trail", e);
        }
        return actions;
    }

    private long count(String sql, String... parameters) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError("could not query the service's database", e);
        }
    }

    /** The tables ({@code schema.table.column}) holding the personId, but those {@link #KEPT_ON_PURPOSE}. */
    public static List<String> tablesHolding(String url, String user, String password, UUID personId) {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            return tablesHolding(connection, personId).stream()
                    .filter(found -> KEPT_ON_PURPOSE.stream().noneMatch(kept -> found.startsWith(kept + ".")))
                    .toList();
        } catch (SQLException e) {
            throw new AssertionError("could not search the database for person " + personId, e);
        }
    }

    /** Every table ({@code schema.table.column}) holding the personId, kept on purpose or not. */
    public static List<String> tablesHolding(Connection connection, UUID personId) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT c.table_schema, c.table_name, c.column_name, c.data_type, c.udt_name "
                        + "FROM information_schema.columns c JOIN information_schema.tables t "
                        + "ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
                        + "WHERE t.table_type = 'BASE TABLE' AND c.table_schema IN ('public', 'dsr_kit') "
                        + "AND (c.udt_name IN ('uuid', '_uuid') OR (c.data_type = 'text' "
                        + "AND (c.column_name LIKE '%person%' OR c.column_name IN ('aggregateid', 'subject')))) "
                        + "ORDER BY 1, 2, 3");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                columns.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(5)});
            }
        }
        List<String> holding = new ArrayList<>();
        for (String[] column : columns) {
            String qualified = "\"" + column[0] + "\".\"" + column[1] + "\"";
            String name = "\"" + column[2] + "\"";
            String condition = switch (column[3]) {
                case "uuid" -> name + " = ?::uuid";
                case "_uuid" -> "?::uuid = ANY(" + name + ")";
                default -> name + " = ?";
            };
            try (PreparedStatement probe = connection.prepareStatement(
                    "SELECT EXISTS (SELECT 1 FROM " + qualified + " WHERE " + condition + ")")) {
                probe.setString(1, personId.toString());
                try (ResultSet found = probe.executeQuery()) {
                    found.next();
                    if (found.getBoolean(1)) {
                        holding.add(column[0] + "." + column[1] + "." + column[2]);
                    }
                }
            }
        }
        return holding;
    }
}
