package org.opendsr.risk.shared.adapters.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.opendsr.risk.shared.application.HeldRecords;

/**
 * Every table of risk-service keyed by person, erased or re-keyed in the caller's transaction. The rating history is
 * append-only but for this (V8: the transaction is marked as a person's erasure or merge).
 */
@Singleton
public class PostgresHeldRecords implements HeldRecords {

    private final JdbcOperations jdbc;

    public PostgresHeldRecords(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long eraseAllOf(UUID personId) {
        currentRatingSince(personId); // the lock
        // The rating history hangs on the person's rating row: it goes first.
        return update("DELETE FROM rating WHERE person_id = ?", personId)
                + update("DELETE FROM rating_assessment WHERE person_id = ?", personId)
                + update("DELETE FROM posted_update WHERE person_id = ?", personId)
                + update("DELETE FROM update_schedule WHERE person_id = ?", personId)
                + update("DELETE FROM obligation WHERE person_id = ?", personId)
                + update("DELETE FROM person_rating WHERE person_id = ?", personId);
    }

    @Override
    public Optional<Instant> currentRatingSince(UUID personId) {
        try (PreparedStatement select = jdbc.getConnection().prepareStatement(
                "SELECT current_since FROM person_rating WHERE person_id = ? FOR UPDATE")) {
            select.setObject(1, personId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Timestamp since = row.getTimestamp(1);
                return Optional.ofNullable(since).map(Timestamp::toInstant);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the rating of person " + personId, e);
        }
    }

    @Override
    public void moveAll(UUID from, UUID into, boolean duplicatesRatingStands, Instant now) {
        // The survivor is rated from now on, if only through the duplicate.
        update("INSERT INTO person_rating (person_id, life_stage, age_band, on_register, register_entry_id, "
                + "indicative_at_referral, current_rating_id, current_rating, current_since, current_since_on, "
                + "current_indicative, inpatient, admitted_on, inpatient_setting, discharged_on, no_lowering_before, "
                + "updated_at, turns_18_in, age_band_known_on) "
                + "SELECT ?, life_stage, age_band, on_register, register_entry_id, indicative_at_referral, "
                + "current_rating_id, current_rating, current_since, current_since_on, current_indicative, inpatient, "
                + "admitted_on, inpatient_setting, discharged_on, no_lowering_before, updated_at, turns_18_in, "
                + "age_band_known_on FROM person_rating WHERE person_id = ? ON CONFLICT (person_id) DO NOTHING",
                into, from);
        // Both rated: one current rating, the latest; on the register if either was; the admission status that goes
        // with the rating that stands (an inpatient is BLUE); the later discharge floor, so RED is never lowered
        // sooner because of a merge. referral-service goes on announcing the survivor, correcting the rest.
        try (PreparedStatement fold = jdbc.getConnection().prepareStatement(
                "UPDATE person_rating s SET on_register = s.on_register OR d.on_register, "
                        + "register_entry_id = COALESCE(s.register_entry_id, d.register_entry_id), "
                        + "indicative_at_referral = COALESCE(s.indicative_at_referral, d.indicative_at_referral), "
                        + "current_rating_id = CASE WHEN ? THEN d.current_rating_id ELSE s.current_rating_id END, "
                        + "current_rating = CASE WHEN ? THEN d.current_rating ELSE s.current_rating END, "
                        + "current_since = CASE WHEN ? THEN d.current_since ELSE s.current_since END, "
                        + "current_since_on = CASE WHEN ? THEN d.current_since_on ELSE s.current_since_on END, "
                        + "current_indicative = CASE WHEN ? THEN d.current_indicative ELSE s.current_indicative END, "
                        + "inpatient = CASE WHEN ? THEN d.inpatient ELSE s.inpatient END, "
                        + "admitted_on = CASE WHEN ? THEN d.admitted_on ELSE s.admitted_on END, "
                        + "inpatient_setting = CASE WHEN ? THEN d.inpatient_setting ELSE s.inpatient_setting END, "
                        + "discharged_on = CASE WHEN ? THEN d.discharged_on ELSE s.discharged_on END, "
                        + "no_lowering_before = GREATEST(s.no_lowering_before, d.no_lowering_before), "
                        + "turns_18_in = COALESCE(s.turns_18_in, d.turns_18_in), "
                        + "age_band_known_on = COALESCE(s.age_band_known_on, d.age_band_known_on), "
                        + "updated_at = ? "
                        + "FROM person_rating d WHERE s.person_id = ? AND d.person_id = ?")) {
            for (int i = 1; i <= 9; i++) {
                fold.setBoolean(i, duplicatesRatingStands);
            }
            fold.setTimestamp(10, Timestamp.from(now));
            fold.setObject(11, into);
            fold.setObject(12, from);
            fold.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not merge the rating of person " + from + " into " + into, e);
        }
        update("UPDATE rating SET person_id = ? WHERE person_id = ?", into, from);
        update("UPDATE rating_assessment SET person_id = ? WHERE person_id = ?", into, from);
        update("UPDATE posted_update SET person_id = ? WHERE person_id = ?", into, from);
        // One updates schedule: the one that follows the rating that stands.
        if (duplicatesRatingStands) {
            update("DELETE FROM update_schedule WHERE person_id = ? AND EXISTS "
                    + "(SELECT 1 FROM update_schedule d WHERE d.person_id = ?)", into, from);
        }
        update("DELETE FROM update_schedule WHERE person_id = ? AND EXISTS "
                + "(SELECT 1 FROM update_schedule s WHERE s.person_id = ?)", from, into);
        update("UPDATE update_schedule SET person_id = ? WHERE person_id = ?", into, from);
        update("UPDATE obligation SET person_id = ? WHERE person_id = ?", into, from);
        update("DELETE FROM person_rating WHERE person_id = ?", from);
    }

    private long update(String sql, UUID first) {
        return update(sql, first, null);
    }

    private long update(String sql, UUID first, UUID second) {
        Connection connection = jdbc.getConnection();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, first);
            if (second != null) {
                statement.setObject(2, second);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not change the records of person " + first, e);
        }
    }
}
