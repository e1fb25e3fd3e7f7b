package org.opendsr.referral.retention.adapters.persistence;

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
import org.opendsr.kit.audit.AuditKeys;
import org.opendsr.referral.retention.application.PeopleInRetention;
import org.opendsr.referral.retention.domain.RetentionFacts;

/** {@link PeopleInRetention} in PostgreSQL. */
@Singleton
class PostgresPeopleInRetention implements PeopleInRetention {

    // Each person's facts from their own rows. The work ended when they last left the register or a referral of
    // theirs was last declined or withdrawn (GREATEST ignores the one that never happened).
    private static final String FACTS = "SELECT p.id, p.archived_at,"
            + " EXISTS (SELECT 1 FROM register_entry e WHERE e.person_id = p.id AND e.removed_at IS NULL) AS on_register,"
            + " EXISTS (SELECT 1 FROM referral r WHERE r.person_id = p.id AND r.status IN ('RECEIVED', 'CONTACTED'))"
            + "  AS referral_in_hand,"
            + " GREATEST((SELECT max(e.removed_at) FROM register_entry e WHERE e.person_id = p.id),"
            + "  (SELECT max(r.closed_at) FROM referral r WHERE r.person_id = p.id"
            + "   AND r.status IN ('DECLINED', 'WITHDRAWN'))) AS work_ended_at"
            + " FROM person p";

    /**
     * Every row referral-service holds about a person, children before parents (foreign keys). A new table with a
     * person_id (or a referral's or register entry's id) must be added here: RetentionApiTest's check of
     * information_schema fails until it is.
     */
    private static final List<String> ERASE = List.of(
            "DELETE FROM local_mailbox WHERE person_id = ?",
            "DELETE FROM notification WHERE person_id = ?",
            "DELETE FROM referral_outcome_to_tell WHERE person_id = ?",
            "DELETE FROM move_out_of_area WHERE person_id = ?",
            "DELETE FROM care_team_request WHERE person_id = ?",
            "DELETE FROM care_team_membership WHERE person_id = ?",
            // An admission report names the person by NHS number and date of birth, linked or not yet.
            "DELETE FROM admission_report WHERE person_id = ?"
                    + " OR referral_id IN (SELECT id FROM referral WHERE person_id = ?)",
            "DELETE FROM keyworker_suggestion WHERE person_id = ?",
            "DELETE FROM age_milestone WHERE person_id = ?",
            "DELETE FROM consent_standing WHERE person_id = ?",
            "DELETE FROM communication_preferences WHERE person_id = ?",
            "DELETE FROM identity_change_to_review WHERE person_id = ?",
            "DELETE FROM possible_duplicate WHERE person_a = ? OR person_b = ?",
            "DELETE FROM register_entry WHERE person_id = ?",
            "DELETE FROM eligibility_assessment WHERE referral_id IN (SELECT id FROM referral WHERE person_id = ?)",
            "DELETE FROM referral_detail_to_review WHERE referral_id IN (SELECT id FROM referral WHERE person_id = ?)",
            "DELETE FROM referral WHERE person_id = ?",
            "DELETE FROM person_contact WHERE person_id = ?",
            "DELETE FROM key_professional WHERE person_id = ?",
            "DELETE FROM objection WHERE person_id = ?",
            // Their subject access requests (the export itself is never stored).
            "DELETE FROM subject_access_contribution WHERE request_id IN"
                    + " (SELECT id FROM subject_access_request WHERE person_id = ?)",
            "DELETE FROM subject_access_request WHERE person_id = ?",
            "DELETE FROM processing_restriction WHERE person_id = ?",
            // The kit's copy of their care team (members go with it: ON DELETE CASCADE).
            "DELETE FROM dsr_kit.care_team WHERE person_id = ?",
            "DELETE FROM person WHERE id = ?");

    private final JdbcOperations jdbc;

    PostgresPeopleInRetention(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<RetentionFacts> candidates(Instant archiveBefore, Instant eraseBefore, int limit) {
        return jdbc.prepareStatement("SELECT * FROM (" + FACTS + ") f"
                + " WHERE (NOT f.on_register AND NOT f.referral_in_hand AND (f.work_ended_at < ?"
                + "  AND f.archived_at IS NULL OR f.work_ended_at < ?))"
                + " OR (f.archived_at IS NOT NULL AND (f.on_register OR f.referral_in_hand))"
                + " ORDER BY f.work_ended_at NULLS LAST, f.id LIMIT ?", select -> {
            select.setTimestamp(1, Timestamp.from(archiveBefore));
            select.setTimestamp(2, Timestamp.from(eraseBefore));
            select.setInt(3, limit);
            return all(select);
        });
    }

    @Override
    public Optional<RetentionFacts> lockedFactsOf(UUID personId) {
        // The row lock keeps a referral or register entry from being added to them until this transaction ends
        // (their foreign keys wait on it, and then find the person gone).
        boolean exists = jdbc.prepareStatement("SELECT id FROM person WHERE id = ? FOR UPDATE", select -> {
            select.setObject(1, personId);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        });
        if (!exists) {
            return Optional.empty();
        }
        return jdbc.prepareStatement(FACTS + " WHERE p.id = ?", select -> {
            select.setObject(1, personId);
            return all(select).stream().findFirst();
        });
    }

    @Override
    public boolean isArchived(UUID personId) {
        return jdbc.prepareStatement("SELECT archived_at IS NOT NULL FROM person WHERE id = ?", select -> {
            select.setObject(1, personId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        });
    }

    @Override
    public void archive(UUID personId, Instant at) {
        jdbc.prepareStatement("UPDATE person SET archived_at = ? WHERE id = ? AND archived_at IS NULL", update -> {
            update.setTimestamp(1, Timestamp.from(at));
            update.setObject(2, personId);
            return update.executeUpdate();
        });
    }

    @Override
    public void bringBack(UUID personId) {
        jdbc.prepareStatement("UPDATE person SET archived_at = NULL WHERE id = ?", update -> {
            update.setObject(1, personId);
            return update.executeUpdate();
        });
    }

    /**
     * A person's rows and those of every record merged into theirs (a merged-away record keeps its identity for the
     * merge's conflicts to be settled; it is the same person, so it goes with them), the merge's own rows first.
     */
    @Override
    public long eraseEverythingAbout(UUID personId) {
        List<UUID> mergedIntoThem = jdbc.prepareStatement(
                "SELECT merged_person FROM person_merged WHERE survivor = ?", select -> {
                    select.setObject(1, personId);
                    List<UUID> ids = new ArrayList<>();
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            ids.add(rows.getObject(1, UUID.class));
                        }
                    }
                    return ids;
                });
        long rows = 0;
        for (String delete : List.of("DELETE FROM merge_conflict WHERE survivor = ? OR merged_person = ?",
                "DELETE FROM person_merged WHERE survivor = ? OR merged_person = ?")) {
            rows += run(delete, personId);
        }
        for (UUID merged : mergedIntoThem) {
            rows += eraseRowsOf(merged);
        }
        return rows + eraseRowsOf(personId);
    }

    private long eraseRowsOf(UUID personId) {
        long rows = 0;
        for (String delete : ERASE) {
            rows += run(delete, personId);
        }
        // The audit trail is append-only and keeps its entries about the person (who saw or changed what, when,
        // why) for its own period; the old/new values of their changes (names, dates of birth, addresses) are
        // encrypted with the person's audit key (a merged record's under its own), and forgetting it here, in the
        // erasure's transaction, erases them. Not counted: a key is a means to read, not a record about anyone.
        jdbc.execute(connection -> AuditKeys.forget(connection, personId));
        return rows;
    }

    private long run(String delete, UUID personId) {
        long parameters = delete.chars().filter(c -> c == '?').count();
        return jdbc.prepareStatement(delete, statement -> {
            for (int i = 1; i <= parameters; i++) {
                statement.setObject(i, personId);
            }
            return statement.executeUpdate();
        });
    }

    private static List<RetentionFacts> all(PreparedStatement select) throws SQLException {
        List<RetentionFacts> found = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                found.add(new RetentionFacts(rows.getObject("id", UUID.class), rows.getBoolean("on_register"),
                        rows.getBoolean("referral_in_hand"), instant(rows, "work_ended_at"),
                        instant(rows, "archived_at")));
            }
        }
        return found;
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        Timestamp timestamp = rows.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
