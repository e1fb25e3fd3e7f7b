package org.opendsr.risk.subjectaccess.adapters.persistence;

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
import org.opendsr.risk.subjectaccess.application.CompilingSubjectAccess;

/**
 * What risk-service holds about a person, for their subject access export. The professionals who decided a rating,
 * answered a tool, posted an update or closed an obligation are other people (ICO: third-party data): their user ids
 * are not selected; a rating keeps the capacity it was decided in ({@code decidedAs}: lead, DSR team, care team), an
 * update is shown as posted by a professional. What they wrote about the person (a rating's rationale, an update) is
 * the person's data and is shown as written: the lead reviews free text for others' details before sending.
 */
@Singleton
@Named(CompilingSubjectAccess.SERVICE)
class PostgresRiskHoldings implements PersonHoldings {

    private final JdbcOperations jdbc;

    PostgresRiskHoldings(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, List<Map<String, Object>>> about(UUID personId) {
        return jdbc.execute(connection -> {
            Map<String, List<Map<String, Object>>> sections = new LinkedHashMap<>();
            sections.put("ratingAndAdmissionStatus", SubjectAccessRows.about(connection, "SELECT life_stage AS"
                    + " \"lifeStage\", age_band AS \"ageBand\", on_register AS \"onRegister\","
                    + " indicative_at_referral AS \"indicativeAtReferral\", current_rating AS \"currentRating\","
                    + " current_since AS \"currentSince\", current_indicative AS \"currentIndicative\", inpatient,"
                    + " admitted_on AS \"admittedOn\", inpatient_setting AS \"inpatientSetting\","
                    + " discharged_on AS \"dischargedOn\", no_lowering_before AS \"noLoweringBefore\""
                    + " FROM person_rating WHERE person_id = ?", personId));
            sections.put("ratings", SubjectAccessRows.about(connection, "SELECT rating_id AS \"ratingId\", rating,"
                    + " previous_rating AS \"previousRating\", cause, indicative, decided_as AS \"decidedAs\","
                    + " decided_at AS \"decidedAt\", rated_on AS \"ratedOn\", rationale,"
                    + " discussed_with_person_and_family AS \"discussedWithPersonAndFamily\", meeting_id AS"
                    + " \"meetingId\", assessment_id AS \"assessmentId\", tool_id AS \"toolId\", tool_version AS"
                    + " \"toolVersion\", suggested_rating AS \"suggestedRating\", reason_for_differing_from_tool AS"
                    + " \"reasonForDifferingFromTool\" FROM rating WHERE person_id = ? ORDER BY decided_at, rating_id",
                    personId));
            sections.put("toolAssessments", SubjectAccessRows.about(connection, "SELECT id AS \"assessmentId\","
                    + " tool_id AS \"toolId\", version, answers::text AS answers, score,"
                    + " key_questions_all_yes AS \"keyQuestionsAllYes\", suggested_rating AS \"suggestedRating\","
                    + " assessed_at AS \"assessedAt\" FROM rating_assessment WHERE person_id = ?"
                    + " ORDER BY assessed_at, id", personId));
            sections.put("updates", SubjectAccessRows.about(connection, "SELECT update_id AS \"updateId\", text,"
                    + " posted_at AS \"postedAt\" FROM posted_update WHERE person_id = ? ORDER BY posted_at,"
                    + " update_id", personId));
            sections.put("updateSchedule", SubjectAccessRows.about(connection, "SELECT rating, cadence,"
                    + " last_update_on AS \"lastUpdateOn\", next_due_on AS \"nextDueOn\", overdue_since AS"
                    + " \"overdueSince\", stopped_on AS \"stoppedOn\" FROM update_schedule WHERE person_id = ?",
                    personId));
            sections.put("obligations", SubjectAccessRows.about(connection, "SELECT id AS \"obligationId\", kind,"
                    + " status, scheduled_from AS \"scheduledFrom\", due_on AS \"dueOn\", opened_on AS \"openedOn\","
                    + " opened_by AS \"openedBy\", rating_at_opening AS \"ratingAtOpening\", booked_for AS"
                    + " \"bookedFor\", completed_on AS \"completedOn\", review_type AS \"reviewType\", meeting_id AS"
                    + " \"meetingId\", partners, not_needed_reason AS \"notNeededReason\" FROM obligation"
                    + " WHERE person_id = ? ORDER BY opened_at, id", personId));
            return sections;
        });
    }

    @Override
    public List<Redaction> redactions() {
        String staff = "a professional's identity is another person's personal data (ICO: third-party data); the"
                + " capacity they acted in and what they recorded are shown";
        return List.of(
                new Redaction("ratings", "decidedBy", "decidedAs (lead, DSR team, care team or the system)", staff),
                new Redaction("toolAssessments", "assessedBy", "left out (a professional)", staff),
                new Redaction("updates", "postedBy", "left out (a professional in the care team)", staff),
                new Redaction("obligations", "closedBy", "left out (a professional)", staff));
    }
}
