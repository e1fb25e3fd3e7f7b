package org.opendsr.meeting.shared.adapters.persistence;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.opendsr.meeting.shared.application.HeldRecords;

/**
 * Every table of meeting-service holding a personId, erased or re-keyed in the caller's transaction. A frozen agenda
 * lets this through only (V8: the transaction is marked as a person's erasure or merge).
 */
@Singleton
public class PostgresHeldRecords implements HeldRecords {

    /** The person's Meetings by Exception: a meeting about them alone. */
    private static final String THEIR_EXCEPTION_MEETINGS =
            "(SELECT meeting_id FROM meeting WHERE kind = 'EXCEPTION' AND person_id = ?)";

    private final JdbcOperations jdbc;

    public PostgresHeldRecords(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long eraseAllOf(UUID personId) {
        lock(personId, personId);
        long erased = 0;
        // Outcomes hang on meetings by id only; actions and recommendations hang on outcomes.
        erased += update("DELETE FROM meeting_action WHERE person_id = ?", personId);
        erased += update("DELETE FROM service_recommendation WHERE person_id = ?", personId);
        erased += update("DELETE FROM meeting_outcome WHERE person_id = ?", personId);
        // Tracking meetings are shared: only the person's items leave their agendas.
        erased += update("DELETE FROM agenda_item WHERE person_id = ?", personId);
        erased += update("DELETE FROM agenda_hand_item WHERE person_id = ?", personId);
        // A Meeting by Exception is about the person alone: it goes whole, with who attended and any note.
        erased += update("DELETE FROM agenda_item WHERE meeting_id IN " + THEIR_EXCEPTION_MEETINGS, personId);
        erased += update("DELETE FROM agenda_hand_item WHERE meeting_id IN " + THEIR_EXCEPTION_MEETINGS, personId);
        erased += update("DELETE FROM agenda WHERE meeting_id IN " + THEIR_EXCEPTION_MEETINGS, personId);
        erased += update("DELETE FROM meeting_attendee WHERE meeting_id IN " + THEIR_EXCEPTION_MEETINGS, personId);
        erased += update("DELETE FROM meeting_cancellation_note WHERE meeting_id IN " + THEIR_EXCEPTION_MEETINGS,
                personId);
        erased += update("DELETE FROM exception_request WHERE person_id = ?", personId);
        erased += update("DELETE FROM meeting WHERE kind = 'EXCEPTION' AND person_id = ?", personId);
        erased += update("DELETE FROM review_booking WHERE person_id = ?", personId);
        erased += update("DELETE FROM review_obligation WHERE person_id = ?", personId);
        erased += update("DELETE FROM register_person WHERE person_id = ?", personId);
        return erased;
    }

    @Override
    public int moveAll(UUID from, UUID into) {
        lock(from, into);
        // The survivor is on the register projection from now on, if only through the duplicate.
        update("INSERT INTO register_person (person_id, area, life_stage, referred_at, accepted_at, on_register, "
                + "removed_at, rating, rating_indicative, previous_rating, rated_on, rating_changed_at, "
                + "update_overdue_since, consent_id, consent_renewal_due_on, consent_status, updated_at, turns_18_in) "
                + "SELECT ?, area, life_stage, referred_at, accepted_at, on_register, removed_at, rating, "
                + "rating_indicative, previous_rating, rated_on, rating_changed_at, update_overdue_since, consent_id, "
                + "consent_renewal_due_on, consent_status, updated_at, turns_18_in FROM register_person "
                + "WHERE person_id = ? ON CONFLICT (person_id) DO NOTHING", into, from);
        // Both known: on the register if either was; the latest rating (as risk-service decides after a merge); what
        // only the duplicate knew fills the survivor's gaps. The other services go on announcing the survivor.
        update("UPDATE register_person s SET on_register = s.on_register OR d.on_register, "
                + "removed_at = CASE WHEN s.on_register OR d.on_register THEN NULL "
                + "ELSE GREATEST(s.removed_at, d.removed_at) END, "
                + "area = COALESCE(s.area, d.area), life_stage = COALESCE(s.life_stage, d.life_stage), "
                + "referred_at = LEAST(s.referred_at, d.referred_at), "
                + "accepted_at = COALESCE(s.accepted_at, d.accepted_at), "
                + "rating = CASE WHEN d.rating_changed_at > s.rating_changed_at OR s.rating_changed_at IS NULL "
                + "THEN d.rating ELSE s.rating END, "
                + "rating_indicative = CASE WHEN d.rating_changed_at > s.rating_changed_at OR s.rating_changed_at IS NULL "
                + "THEN d.rating_indicative ELSE s.rating_indicative END, "
                + "previous_rating = CASE WHEN d.rating_changed_at > s.rating_changed_at OR s.rating_changed_at IS NULL "
                + "THEN d.previous_rating ELSE s.previous_rating END, "
                + "rated_on = CASE WHEN d.rating_changed_at > s.rating_changed_at OR s.rating_changed_at IS NULL "
                + "THEN d.rated_on ELSE s.rated_on END, "
                + "rating_changed_at = GREATEST(s.rating_changed_at, d.rating_changed_at), "
                + "consent_id = COALESCE(s.consent_id, d.consent_id), "
                + "consent_renewal_due_on = COALESCE(s.consent_renewal_due_on, d.consent_renewal_due_on), "
                + "consent_status = COALESCE(s.consent_status, d.consent_status), "
                + "turns_18_in = COALESCE(s.turns_18_in, d.turns_18_in), updated_at = now() "
                + "FROM register_person d WHERE s.person_id = ? AND d.person_id = ?", into, from);
        update("UPDATE review_obligation SET person_id = ? WHERE person_id = ?", into, from);
        update("UPDATE meeting SET person_id = ? WHERE kind = 'EXCEPTION' AND person_id = ?", into, from);
        update("UPDATE exception_request SET person_id = ? WHERE person_id = ?", into, from);
        update("UPDATE review_booking SET person_id = ? WHERE person_id = ?", into, from);
        // An agenda that holds both keeps the survivor's item: the person is discussed once.
        update("DELETE FROM agenda_item d WHERE d.person_id = ? AND EXISTS (SELECT 1 FROM agenda_item s "
                + "WHERE s.meeting_id = d.meeting_id AND s.person_id = ?)", from, into);
        update("UPDATE agenda_item SET person_id = ? WHERE person_id = ?", into, from);
        update("DELETE FROM agenda_hand_item d WHERE d.person_id = ? AND EXISTS (SELECT 1 FROM agenda_hand_item s "
                + "WHERE s.meeting_id = d.meeting_id AND s.person_id = ?)", from, into);
        update("UPDATE agenda_hand_item SET person_id = ? WHERE person_id = ?", into, from);
        // One outcome per person and meeting: an outcome of a meeting that recorded one about the survivor too stays.
        update("UPDATE meeting_outcome d SET person_id = ? WHERE d.person_id = ? AND NOT EXISTS "
                + "(SELECT 1 FROM meeting_outcome s WHERE s.meeting_id = d.meeting_id AND s.person_id = ?)",
                into, from, into);
        update("UPDATE meeting_action a SET person_id = ? WHERE a.person_id = ? AND EXISTS "
                + "(SELECT 1 FROM meeting_outcome o WHERE o.id = a.outcome_id AND o.person_id = ?)", into, from, into);
        update("UPDATE service_recommendation r SET person_id = ? WHERE r.person_id = ? AND EXISTS "
                + "(SELECT 1 FROM meeting_outcome o WHERE o.id = r.outcome_id AND o.person_id = ?)", into, from, into);
        update("DELETE FROM register_person WHERE person_id = ?", from);
        return (int) update("SELECT 1 FROM meeting_outcome WHERE person_id = ?", from);
    }

    /** Both people's register rows, in one order, so that an erasure and a merge of the same people take turns. */
    private void lock(UUID first, UUID second) {
        update("SELECT 1 FROM register_person WHERE person_id IN (?, ?) ORDER BY person_id FOR UPDATE", first, second);
    }

    private long update(String sql, UUID... parameters) {
        try (PreparedStatement statement = jdbc.getConnection().prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            if (statement.execute()) {
                long rows = 0;
                try (var result = statement.getResultSet()) {
                    while (result.next()) {
                        rows++;
                    }
                }
                return rows;
            }
            return statement.getUpdateCount();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not change the records of person " + parameters[0], e);
        }
    }
}
