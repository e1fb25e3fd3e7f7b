package org.opendsr.referral.rights.adapters.persistence;

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
import org.opendsr.kit.access.PersonScope;
import org.opendsr.referral.rights.application.Merges;
import org.opendsr.referral.rights.domain.MergeConflict;
import org.opendsr.referral.rights.domain.MergeField;
import org.opendsr.referral.rights.domain.PersonMerge;

/** {@link Merges} in PostgreSQL: the rows held under the merged-away person are re-pointed, not copied. */
@Singleton
class PostgresMerges implements Merges {

    /** Tables whose rows simply follow the person (nothing in them may only be held once per person). */
    private static final List<String> FOLLOW_THE_PERSON = List.of("referral", "register_entry",
            "care_team_membership", "care_team_request", "notification", "local_mailbox", "referral_outcome_to_tell",
            "keyworker_suggestion", "identity_change_to_review", "admission_report", "objection",
            "subject_access_request");

    private static final String CONFLICT_COLUMNS = "id, survivor, merged_person, field, survivor_value, merged_value,"
            + " raised_at, settled_at, settled_by, settlement";

    private final JdbcOperations jdbc;

    PostgresMerges(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<UUID> survivorOf(UUID personId) {
        return jdbc.prepareStatement("SELECT survivor FROM person_merged WHERE merged_person = ?", select -> {
            select.setObject(1, personId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getObject(1, UUID.class)) : Optional.empty();
            }
        });
    }

    @Override
    public List<UUID> mergedInto(UUID survivor) {
        return jdbc.prepareStatement("SELECT merged_person FROM person_merged WHERE survivor = ?"
                + " ORDER BY merged_at, merged_person", select -> {
            select.setObject(1, survivor);
            List<UUID> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getObject(1, UUID.class));
                }
            }
            return found;
        });
    }

    @Override
    public boolean hasOpenRegisterEntry(UUID personId) {
        return jdbc.prepareStatement("SELECT EXISTS (SELECT 1 FROM register_entry WHERE person_id = ?"
                + " AND removed_at IS NULL)", select -> {
            select.setObject(1, personId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        });
    }

    @Override
    public void moveRecords(UUID from, UUID into) {
        for (String table : FOLLOW_THE_PERSON) {
            update("UPDATE " + table + " SET person_id = ? WHERE person_id = ?", into, from);
        }
        // Contacts and key professionals after the survivor's own, in their own order.
        for (String table : List.of("person_contact", "key_professional")) {
            update("UPDATE " + table + " SET person_id = ?, position = position + (SELECT coalesce(max(position) + 1, 0)"
                    + " FROM " + table + " WHERE person_id = ?) WHERE person_id = ?", into, into, from);
        }
        // Held once per person: the survivor's stands; the merged-away one's moves only where the survivor has none.
        for (String table : List.of("consent_standing", "communication_preferences")) {
            update("UPDATE " + table + " SET person_id = ? WHERE person_id = ?"
                    + " AND NOT EXISTS (SELECT 1 FROM " + table + " WHERE person_id = ?)", into, from, into);
        }
        update("UPDATE move_out_of_area SET person_id = ? WHERE person_id = ? AND (resolution IS NOT NULL"
                + " OR NOT EXISTS (SELECT 1 FROM move_out_of_area WHERE person_id = ? AND resolution IS NULL))",
                into, from, into);
        update("UPDATE age_milestone SET person_id = ? WHERE person_id = ?"
                + " AND milestone NOT IN (SELECT milestone FROM age_milestone WHERE person_id = ?)", into, from, into);
        // A restriction on either record restricts the merged one: lifting it is the DSR team's decision.
        update("INSERT INTO processing_restriction (person_id, restricted, reason, changed_at, changed_by)"
                + " SELECT ?, restricted, reason, changed_at, changed_by FROM processing_restriction"
                + " WHERE person_id = ? AND restricted"
                + " ON CONFLICT (person_id) DO UPDATE SET restricted = true,"
                + " reason = coalesce(processing_restriction.reason, EXCLUDED.reason),"
                + " changed_at = CASE WHEN processing_restriction.restricted THEN processing_restriction.changed_at"
                + "   ELSE EXCLUDED.changed_at END,"
                + " changed_by = CASE WHEN processing_restriction.restricted THEN processing_restriction.changed_by"
                + "   ELSE EXCLUDED.changed_by END", into, from);
        // Records merged into the merged-away one before now live on the survivor, and so do their conflicts.
        update("UPDATE person_merged SET survivor = ? WHERE survivor = ?", into, from);
        update("UPDATE merge_conflict SET survivor = ? WHERE survivor = ?", into, from);
    }

    @Override
    public void recordMerge(UUID from, UUID into, UUID flagId, Instant at, String by) {
        jdbc.prepareStatement("INSERT INTO person_merged (merged_person, survivor, flag_id, merged_at, merged_by)"
                + " VALUES (?, ?, ?, ?, ?)", insert -> {
            insert.setObject(1, from);
            insert.setObject(2, into);
            insert.setObject(3, flagId);
            insert.setTimestamp(4, Timestamp.from(at));
            insert.setString(5, by);
            return insert.executeUpdate();
        });
    }

    @Override
    public void raiseConflicts(UUID into, UUID from, List<PersonMerge.Difference> differences, Instant at) {
        for (PersonMerge.Difference difference : differences) {
            jdbc.prepareStatement("INSERT INTO merge_conflict (id, survivor, merged_person, field, survivor_value,"
                    + " merged_value, raised_at) VALUES (?, ?, ?, ?, ?, ?, ?)", insert -> {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, into);
                insert.setObject(3, from);
                insert.setString(4, difference.field().name());
                insert.setString(5, difference.survivorValue());
                insert.setString(6, difference.mergedValue());
                insert.setTimestamp(7, Timestamp.from(at));
                return insert.executeUpdate();
            });
        }
    }

    @Override
    public List<UUID[]> openFlagsWith(UUID personId, UUID except) {
        return jdbc.prepareStatement("SELECT id, CASE WHEN person_a = ? THEN person_b ELSE person_a END"
                + " FROM possible_duplicate WHERE resolved_at IS NULL AND (person_a = ? OR person_b = ?) AND id <> ?",
                select -> {
                    select.setObject(1, personId);
                    select.setObject(2, personId);
                    select.setObject(3, personId);
                    select.setObject(4, except);
                    List<UUID[]> found = new ArrayList<>();
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            found.add(new UUID[] {rows.getObject(1, UUID.class), rows.getObject(2, UUID.class)});
                        }
                    }
                    return found;
                });
    }

    @Override
    public List<MergeConflict> conflictsOf(UUID survivor) {
        return jdbc.prepareStatement("SELECT " + CONFLICT_COLUMNS + " FROM merge_conflict WHERE survivor = ?"
                + " ORDER BY settled_at IS NOT NULL, raised_at, field", select -> {
            select.setObject(1, survivor);
            return conflicts(select);
        });
    }

    @Override
    public Optional<MergeConflict> conflict(UUID conflictId) {
        return jdbc.prepareStatement("SELECT " + CONFLICT_COLUMNS + " FROM merge_conflict WHERE id = ?", select -> {
            select.setObject(1, conflictId);
            return conflicts(select).stream().findFirst();
        });
    }

    @Override
    public boolean settle(UUID conflictId, MergeConflict.Settlement settlement, String by, Instant at) {
        return jdbc.prepareStatement("UPDATE merge_conflict SET settled_at = ?, settled_by = ?, settlement = ?"
                + " WHERE id = ? AND settled_at IS NULL", update -> {
            update.setTimestamp(1, Timestamp.from(at));
            update.setString(2, by);
            update.setString(3, settlement.name());
            update.setObject(4, conflictId);
            return update.executeUpdate() == 1;
        });
    }

    @Override
    public List<MergeConflict> openConflicts(PersonScope scope, int limit) {
        return jdbc.prepareStatement("SELECT " + CONFLICT_COLUMNS + " FROM merge_conflict c WHERE settled_at IS NULL"
                + " AND " + scope.condition("c.survivor") + " ORDER BY raised_at, id LIMIT ?", select -> {
            int next = scope.bind(select, 1);
            select.setInt(next, limit);
            return conflicts(select);
        });
    }

    private static List<MergeConflict> conflicts(PreparedStatement select) throws SQLException {
        List<MergeConflict> found = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                Timestamp settledAt = rows.getTimestamp(8);
                String settlement = rows.getString(10);
                found.add(new MergeConflict(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class),
                        rows.getObject(3, UUID.class), MergeField.valueOf(rows.getString(4)), rows.getString(5),
                        rows.getString(6), rows.getTimestamp(7).toInstant(),
                        settledAt == null ? null : settledAt.toInstant(), rows.getString(9),
                        settlement == null ? null : MergeConflict.Settlement.valueOf(settlement)));
            }
        }
        return found;
    }

    private void update(String sql, UUID... parameters) {
        jdbc.prepareStatement(sql, statement -> {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        });
    }
}
