package org.opendsr.referral;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Which of referral-service's tables still hold a row about a person: for proving an erasure. Found from
 * information_schema, not from a list, so a table added later is covered without anyone remembering it: every uuid
 * column named {@code person_id}, {@code person_a} or {@code person_b} (the person), or {@code referral_id} or
 * {@code register_entry_id} (one of their referrals or register entries, given), and the person row itself.
 *
 * <p>Left out, each for its reason: {@code person_erasure} (the tombstone: an id, codes, a staff subject),
 * {@code erasure_confirmation} (other services' confirmations: ids and counts) and the kit's
 * {@code dsr_kit.audit_entry} (the access audit, kept for its own period: ids and staff subjects; the old/new values
 * of the person's changes are encrypted with their audit key, {@code dsr_kit.audit_person_key}, which this does
 * check: it must be gone) and {@code dsr_kit.audit_seal} (hashes).
 */
public final class PersonalDataLeft {

    /** Tables that hold a personId by design after an erasure, and hold nothing else about the person. */
    static final Set<String> KEPT_BY_DESIGN = Set.of("public.person_erasure", "public.erasure_confirmation",
            "dsr_kit.audit_entry", "dsr_kit.audit_seal");

    private static final Set<String> PERSON_COLUMNS = Set.of("person_id", "person_a", "person_b");
    private static final Set<String> LINKED_COLUMNS = Set.of("referral_id", "register_entry_id");

    private PersonalDataLeft() {
    }

    /**
     * The tables (schema.table.column) with a row about the person or one of the linked records (their referrals'
     * and register entries' ids, read before the erasure).
     */
    public static List<String> tablesHolding(String url, String user, String password, UUID personId,
                                             Collection<UUID> linkedIds) {
        List<String> holding = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            List<String[]> columns = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT table_schema, table_name, column_name"
                    + " FROM information_schema.columns c WHERE table_schema IN ('public', 'dsr_kit')"
                    + " AND data_type = 'uuid' AND (column_name = ANY (?) OR (table_name = 'person' AND column_name = 'id'))"
                    + " AND EXISTS (SELECT 1 FROM information_schema.tables t WHERE t.table_schema = c.table_schema"
                    + "  AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE')"
                    + " ORDER BY table_schema, table_name, column_name")) {
                List<String> names = new ArrayList<>(PERSON_COLUMNS);
                names.addAll(LINKED_COLUMNS);
                select.setArray(1, connection.createArrayOf("text", names.toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        columns.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3)});
                    }
                }
            }
            for (String[] column : columns) {
                String table = column[0] + "." + column[1];
                if (KEPT_BY_DESIGN.contains(table)) {
                    continue;
                }
                boolean linked = LINKED_COLUMNS.contains(column[2]);
                if (linked && linkedIds.isEmpty()) {
                    continue;
                }
                try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM " + table + " WHERE "
                        + column[2] + " = ANY (?)")) {
                    Object[] ids = linked ? linkedIds.toArray() : new Object[] {personId};
                    count.setArray(1, connection.createArrayOf("uuid", ids));
                    try (ResultSet rows = count.executeQuery()) {
                        rows.next();
                        if (rows.getLong(1) > 0) {
                            holding.add(table + "." + column[2]);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the referral database", e);
        }
        return holding;
    }
}
