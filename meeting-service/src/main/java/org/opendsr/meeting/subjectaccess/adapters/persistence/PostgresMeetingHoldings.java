package org.opendsr.meeting.subjectaccess.adapters.persistence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.opendsr.kit.subjectaccess.PersonHoldings;
import org.opendsr.kit.subjectaccess.SubjectAccessPart.Redaction;
import org.opendsr.kit.subjectaccess.SubjectAccessRows;
import org.opendsr.meeting.subjectaccess.application.CompilingSubjectAccess;

/**
 * What meeting-service holds about a person, for their subject access export. Left out as third-party data (ICO):
 * who else was discussed at a meeting (only this person's agenda item is selected), who attended (attendees are
 * other people: their agencies and roles are shown, never their user ids), who chaired, recorded, booked or decided
 * (DSR users' ids), an action owner's user id (its agency is shown). Online meeting links are left out too: they are
 * access credentials to a meeting, not data about the person. What was written about the person (a summary, the
 * decisions, an action) is shown as written: the lead reviews free text for others' details before sending.
 */
@Singleton
@Named(CompilingSubjectAccess.SERVICE)
class PostgresMeetingHoldings implements PersonHoldings {

    private final JdbcOperations jdbc;

    PostgresMeetingHoldings(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, List<Map<String, Object>>> about(UUID personId) {
        return jdbc.execute(connection -> {
            Map<String, List<Map<String, Object>>> sections = new LinkedHashMap<>();
            sections.put("meetingsDiscussedAt", SubjectAccessRows.about(connection, "SELECT m.meeting_id AS"
                    + " \"meetingId\", m.kind, m.area, m.starts_at AS \"startsAt\", m.ends_at AS \"endsAt\", m.status,"
                    + " m.held_at AS \"heldAt\", m.cancellation_reason AS \"cancellationReason\","
                    + " array_to_string(i.reason_codes, ', ') AS \"agendaReasons\","
                    + " (SELECT string_agg(coalesce(a.agency || ': ', '') || a.role, '; ' ORDER BY a.role)"
                    + "    FROM meeting_attendee a WHERE a.meeting_id = m.meeting_id) AS \"attendedBy\""
                    + " FROM meeting m LEFT JOIN agenda_item i ON i.meeting_id = m.meeting_id AND i.person_id = ?"
                    + " LEFT JOIN agenda_hand_item h ON h.meeting_id = m.meeting_id AND h.person_id = ?"
                    + " WHERE m.person_id = ? OR i.person_id IS NOT NULL OR h.person_id IS NOT NULL"
                    + " OR EXISTS (SELECT 1 FROM meeting_outcome o WHERE o.meeting_id = m.meeting_id"
                    + "            AND o.person_id = ?)"
                    + " ORDER BY m.starts_at, m.meeting_id", personId));
            sections.put("outcomes", SubjectAccessRows.about(connection, "SELECT id AS \"outcomeId\", meeting_id AS"
                    + " \"meetingId\", meeting_kind AS \"meetingKind\", meeting_day AS \"meetingDay\", summary,"
                    + " array_to_string(decisions, '; ') AS decisions, agreed_rating AS \"agreedRating\","
                    + " rating_rationale AS \"ratingRationale\", discussed_with_person_and_family AS"
                    + " \"discussedWithPersonAndFamily\", recorded_at AS \"recordedAt\", feedback_due_on AS"
                    + " \"feedbackDueOn\", feedback_given_at AS \"feedbackGivenAt\" FROM meeting_outcome"
                    + " WHERE person_id = ? ORDER BY meeting_day, recorded_at, id", personId));
            sections.put("actions", SubjectAccessRows.about(connection, "SELECT id AS \"actionId\", outcome_id AS"
                    + " \"outcomeId\", meeting_id AS \"meetingId\", description, owner_agency AS \"ownerAgency\","
                    + " due_on AS \"dueOn\", done_on AS \"doneOn\" FROM meeting_action WHERE person_id = ?"
                    + " ORDER BY due_on, id", personId));
            sections.put("recommendations", SubjectAccessRows.about(connection, "SELECT id AS \"recommendationId\","
                    + " outcome_id AS \"outcomeId\", meeting_id AS \"meetingId\", service_type AS \"serviceType\","
                    + " note, made_on AS \"madeOn\", status, met_on AS \"metOn\", unmet_reason AS \"unmetReason\","
                    + " unmet_note AS \"unmetNote\", marked_on AS \"markedOn\" FROM service_recommendation"
                    + " WHERE person_id = ? ORDER BY made_on, id", personId));
            sections.put("exceptions", SubjectAccessRows.about(connection, "SELECT id AS \"exceptionId\", area,"
                    + " reason, reason_text AS \"reasonText\", requested_at AS \"requestedAt\", status, meeting_id AS"
                    + " \"meetingId\", location, decline_reason AS \"declineReason\", decided_at AS \"decidedAt\""
                    + " FROM exception_request WHERE person_id = ? ORDER BY requested_at, id", personId));
            sections.put("bookings", SubjectAccessRows.about(connection, "SELECT id AS \"bookingId\", obligation_kind"
                    + " AS \"obligationKind\", review_type AS \"reviewType\", urgent, booked_at AS \"bookedAt\","
                    + " starts_at AS \"startsAt\", ends_at AS \"endsAt\", documents_due_at AS \"documentsDueAt\","
                    + " location, status, held_at AS \"heldAt\", cancelled_at AS \"cancelledAt\","
                    + " cancellation_reason AS \"cancellationReason\" FROM review_booking WHERE person_id = ?"
                    + " ORDER BY starts_at, id", personId));
            return sections;
        });
    }

    @Override
    public List<Redaction> redactions() {
        String staff = "a professional's identity is another person's personal data (ICO: third-party data)";
        return List.of(
                new Redaction("meetingsDiscussedAt", "other people on the agenda", "left out",
                        "other people discussed at the same meeting are not the requester's to know"),
                new Redaction("meetingsDiscussedAt", "attendees", "their agency and role", staff),
                new Redaction("meetingsDiscussedAt", "chair", "left out (a DSR lead chairs)", staff),
                new Redaction("meetingsDiscussedAt", "onlineLink", "left out",
                        "a link to join a meeting is an access credential, not data about the person"),
                new Redaction("outcomes", "recordedBy", "left out (recorded by the DSR)", staff),
                new Redaction("actions", "ownerSubject", "ownerAgency", staff),
                new Redaction("recommendations", "markedBy", "left out", staff),
                new Redaction("exceptions", "requestedBy, decidedBy", "left out", staff),
                new Redaction("bookings", "bookedBy, onlineLink", "left out", staff));
    }
}
