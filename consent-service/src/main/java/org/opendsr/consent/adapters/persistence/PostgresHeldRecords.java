package org.opendsr.consent.adapters.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.opendsr.consent.application.HeldRecords;

/** Every table of consent-service keyed by person, erased or re-keyed in the caller's transaction. */
@Singleton
public class PostgresHeldRecords implements HeldRecords {

    private final JdbcOperations jdbc;

    public PostgresHeldRecords(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long eraseAllOf(UUID personId) {
        // Children first: reminders hang on consents, consents and open referrals on the person.
        return run(personId, personId,
                "DELETE FROM consent_reminder WHERE consent_id IN (SELECT id FROM consent WHERE person_id = ?)",
                "DELETE FROM consent WHERE person_id = ?",
                "DELETE FROM known_person_open_referral WHERE person_id = ?",
                "DELETE FROM known_person WHERE person_id = ?");
    }

    @Override
    public void moveAll(UUID from, UUID into) {
        Connection connection = jdbc.getConnection();
        try {
            // The survivor is known from now on, if only through the duplicate (no referral of theirs reached here).
            try (PreparedStatement copy = connection.prepareStatement(
                    "INSERT INTO known_person (person_id, life_stage, age_band, age_band_known_on, first_known_at, "
                            + "last_referred_at, left_register_on, left_register_reason, on_register, followed, "
                            + "turns_18_in, under_16, turned_16_in) "
                            + "SELECT ?, life_stage, age_band, age_band_known_on, first_known_at, last_referred_at, "
                            + "left_register_on, left_register_reason, on_register, followed, turns_18_in, under_16, "
                            + "turned_16_in FROM known_person WHERE person_id = ? ON CONFLICT (person_id) DO NOTHING")) {
                copy.setObject(1, into);
                copy.setObject(2, from);
                copy.executeUpdate();
            }
            // Both known: the survivor is on the register or followed up if either record was; what only the
            // duplicate knew (the months of turning 16 and 18) fills the survivor's gaps. referral-service goes on
            // announcing the survivor, so whatever it says next corrects this.
            try (PreparedStatement fold = connection.prepareStatement(
                    "UPDATE known_person s SET on_register = s.on_register OR d.on_register, "
                            + "followed = s.followed OR d.followed, "
                            + "first_known_at = LEAST(s.first_known_at, d.first_known_at), "
                            + "last_referred_at = GREATEST(s.last_referred_at, d.last_referred_at), "
                            + "left_register_on = CASE WHEN s.on_register OR d.on_register THEN NULL "
                            + "ELSE GREATEST(s.left_register_on, d.left_register_on) END, "
                            + "left_register_reason = CASE WHEN s.on_register OR d.on_register THEN NULL "
                            + "ELSE COALESCE(s.left_register_reason, d.left_register_reason) END, "
                            + "turns_18_in = COALESCE(s.turns_18_in, d.turns_18_in), "
                            + "under_16 = COALESCE(s.under_16, d.under_16), "
                            + "turned_16_in = COALESCE(s.turned_16_in, d.turned_16_in) "
                            + "FROM known_person d WHERE s.person_id = ? AND d.person_id = ?")) {
                fold.setObject(1, into);
                fold.setObject(2, from);
                fold.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not merge person " + from + " into " + into, e);
        }
        run(into, from,
                "UPDATE consent SET person_id = ? WHERE person_id = ?",
                "UPDATE known_person_open_referral SET person_id = ? WHERE person_id = ?");
        run(from, from, "DELETE FROM known_person WHERE person_id = ?");
    }

    /** Runs each statement with the parameters it has (one or two), in order; returns the rows they changed. */
    private long run(UUID first, UUID second, String... statements) {
        Connection connection = jdbc.getConnection();
        long changed = 0;
        for (String sql : statements) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setObject(1, first);
                if (sql.chars().filter(c -> c == '?').count() > 1) {
                    statement.setObject(2, second);
                }
                changed += statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not change the records of person " + first, e);
            }
        }
        return changed;
    }
}
