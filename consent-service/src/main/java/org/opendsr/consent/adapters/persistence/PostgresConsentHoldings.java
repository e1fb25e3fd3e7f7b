package org.opendsr.consent.adapters.persistence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.opendsr.consent.application.CompilingSubjectAccess;
import org.opendsr.kit.subjectaccess.PersonHoldings;
import org.opendsr.kit.subjectaccess.SubjectAccessPart.Redaction;
import org.opendsr.kit.subjectaccess.SubjectAccessRows;

/**
 * What consent-service holds about a person, for their subject access export: every consent (its basis, who gave it
 * by relationship, the dates of its life, why it ended) and every reminder sent. Who gave a consent is already held as
 * a relationship, never a name. The DSR users who recorded or withdrew a consent are other people (staff acting in
 * their role): their user ids are not selected, and a consent says only that the DSR recorded it.
 */
@Singleton
@Named(CompilingSubjectAccess.SERVICE)
class PostgresConsentHoldings implements PersonHoldings {

    private final JdbcOperations jdbc;

    PostgresConsentHoldings(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, List<Map<String, Object>>> about(UUID personId) {
        return jdbc.execute(connection -> {
            Map<String, List<Map<String, Object>>> sections = new LinkedHashMap<>();
            sections.put("consents", SubjectAccessRows.about(connection, "SELECT id AS \"consentId\", basis,"
                    + " given_by AS \"givenBy\", given_on AS \"givenOn\", given_for_child AS \"givenForChild\","
                    + " capacity_assessed_on AS \"capacityAssessedOn\", decision_maker_role AS \"decisionMakerRole\","
                    + " explained_with AS \"explainedWith\", explained_with_detail AS \"explainedWithDetail\","
                    + " form_kept_at AS \"formKeptAt\", recorded_at AS \"recordedAt\", renewal_of AS \"renewalOf\","
                    + " renewal_due_on AS \"renewalDueOn\", renewal_reason AS \"renewalReason\", state,"
                    + " renewal_due_since AS \"renewalDueSince\", overdue_since AS \"overdueSince\","
                    + " grace_ends_on AS \"graceEndsOn\", lapsed_on AS \"lapsedOn\", withdrawn_on AS \"withdrawnOn\","
                    + " withdrawal_reason AS \"withdrawalReason\", withdrawal_note AS \"withdrawalNote\","
                    + " renewed_by AS \"renewedByConsent\", renewed_on AS \"renewedOn\","
                    + " reminders_sent AS \"remindersSent\""
                    + " FROM consent WHERE person_id = ? ORDER BY given_on, recorded_at, id", personId));
            sections.put("reminders", SubjectAccessRows.about(connection, "SELECT r.consent_id AS \"consentId\","
                    + " r.reminder_number AS \"reminderNumber\", r.subject, r.scheduled_for AS \"scheduledFor\","
                    + " r.sent_at AS \"sentAt\" FROM consent_reminder r JOIN consent c ON c.id = r.consent_id"
                    + " WHERE c.person_id = ? ORDER BY r.sent_at, r.id", personId));
            return sections;
        });
    }

    @Override
    public List<Redaction> redactions() {
        String staff = "a DSR user's identity is another person's personal data (ICO: third-party data); what"
                + " they did is shown";
        return List.of(
                new Redaction("consents", "recordedBy", "left out (recorded by the DSR)", staff),
                new Redaction("consents", "withdrawalRecordedBy", "left out (recorded by the DSR)", staff));
    }
}
