package org.opendsr.referral.subjectaccess.adapters.persistence;

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
import org.opendsr.referral.subjectaccess.application.CompilingSubjectAccess;

/**
 * What referral-service holds about a person, for their subject access export.
 *
 * <p>Redacted as the ICO expects ("How do we deal with requests involving other people's information?"): other
 * people's personal details are not the requester's to receive without their consent, and here it is reasonable to
 * give the information without them. So:
 * <ul>
 *   <li>contacts (parents, carers, paid carers): only the relationship and parental responsibility; their names,
 *       phone numbers and e-mail addresses are left out. A contact who is the person themselves (PERSON) is shown in
 *       full: those details are the requester's own;</li>
 *   <li>key professionals and the referrer: their role and organisation, never their names, e-mails, phone numbers
 *       or DSR user ids;</li>
 *   <li>DSR users who contacted, decided, removed or are responsible: whether it happened and when, not who;</li>
 *   <li>the access audit: who looked by their roles, when, what and why; never their user ids;</li>
 *   <li>notifications: kind, recipient (by relationship), channel and delivery state; not the address used nor the
 *       message's personalisation (it may carry a representative's name).</li>
 * </ul>
 * Free text written about the person (reasons for referral, notes) is shown as written: the lead reviews it for other
 * people's details before the answer is sent.
 */
@Singleton
@Named(CompilingSubjectAccess.SERVICE)
class PostgresReferralHoldings implements PersonHoldings {

    private final JdbcOperations jdbc;

    PostgresReferralHoldings(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, List<Map<String, Object>>> about(UUID personId) {
        return jdbc.execute(connection -> {
            Map<String, List<Map<String, Object>>> sections = new LinkedHashMap<>();
            sections.put("record", SubjectAccessRows.about(connection, "SELECT id AS \"personId\","
                    + " given_name AS \"givenName\", family_name AS \"familyName\", date_of_birth AS \"dateOfBirth\","
                    + " nhs_number AS \"nhsNumber\", address_line1 AS \"addressLine1\", address_line2 AS"
                    + " \"addressLine2\", town, postcode, locality, ethnic_category AS \"ethnicCategory\","
                    + " gender_identity AS \"genderIdentity\", diagnosis, created_at AS \"createdAt\","
                    + " updated_at AS \"updatedAt\" FROM person WHERE id = ?", personId));
            sections.put("communicationPreferences", SubjectAccessRows.about(connection, "SELECT preferred_channel"
                    + " AS \"preferredChannel\", accessible_format AS \"accessibleFormat\", language,"
                    + " asked_not_to_be_contacted_on AS \"askedNotToBeContactedOn\", changed_at AS \"changedAt\""
                    + " FROM communication_preferences WHERE person_id = ?", personId));
            sections.put("referrals", SubjectAccessRows.about(connection, "SELECT id AS \"referralId\", route,"
                    + " status, received_at AS \"receivedAt\", referrer_role AS \"referrerRole\","
                    + " referrer_organisation AS \"referrerOrganisation\", agency_reference AS \"agencyReference\","
                    + " reason_for_referral AS \"reasonForReferral\", current_issues AS \"currentIssues\","
                    + " what_has_been_tried AS \"whatHasBeenTried\", what_could_reduce_risk AS"
                    + " \"whatCouldReduceRisk\", indicative_rag AS \"indicativeRag\", first_contact_due_on AS"
                    + " \"firstContactDueOn\", contacted_at AS \"contactedAt\", closed_at AS \"closedAt\","
                    + " decline_reason AS \"declineReason\", withdrawal_reason AS \"withdrawalReason\","
                    + " outcome_notes AS \"outcomeNotes\" FROM referral WHERE person_id = ? ORDER BY received_at, id",
                    personId));
            sections.put("eligibilityDecisions", SubjectAccessRows.about(connection, "SELECT e.referral_id AS"
                    + " \"referralId\", e.learning_disability_or_autism AS \"learningDisabilityOrAutism\","
                    + " e.at_risk_of_admission_or_placement_breakdown AS \"atRiskOfAdmissionOrPlacementBreakdown\","
                    + " e.lives_in_icb_area AS \"livesInIcbArea\", e.assessed_at AS \"assessedAt\""
                    + " FROM eligibility_assessment e JOIN referral r ON r.id = e.referral_id WHERE r.person_id = ?"
                    + " ORDER BY e.assessed_at", personId));
            sections.put("registerEntries", SubjectAccessRows.about(connection, "SELECT id AS \"registerEntryId\","
                    + " referral_id AS \"referralId\", on_register_from AS \"onRegisterFrom\","
                    + " responsible_professional IS NOT NULL AS \"responsibleProfessionalAllocated\","
                    + " removed_at AS \"removedAt\", removal_reason AS \"removalReason\", removal_notes AS"
                    + " \"removalNotes\" FROM register_entry WHERE person_id = ? ORDER BY on_register_from, id",
                    personId));
            sections.put("contacts", SubjectAccessRows.about(connection, "SELECT position, relationship,"
                    + " has_parental_responsibility AS \"hasParentalResponsibility\","
                    + " CASE WHEN relationship = 'PERSON' THEN name END AS name,"
                    + " CASE WHEN relationship = 'PERSON' THEN phone END AS phone,"
                    + " CASE WHEN relationship = 'PERSON' THEN email END AS email"
                    + " FROM person_contact WHERE person_id = ? ORDER BY position", personId));
            sections.put("keyProfessionals", SubjectAccessRows.about(connection, "SELECT position, role,"
                    + " organisation FROM key_professional WHERE person_id = ? ORDER BY position", personId));
            sections.put("careTeam", SubjectAccessRows.about(connection, "SELECT role, reason, started_at AS"
                    + " \"startedAt\", ends_at AS \"endsAt\", ended_at AS \"endedAt\", end_reason AS \"endReason\""
                    + " FROM care_team_membership WHERE person_id = ? ORDER BY started_at, id", personId));
            sections.put("consentBasis", SubjectAccessRows.about(connection, "SELECT consent_id AS \"consentId\","
                    + " status, basis, changed_at AS \"changedAt\" FROM consent_standing WHERE person_id = ?",
                    personId));
            sections.put("notificationsSent", SubjectAccessRows.about(connection, "SELECT message AS kind,"
                    + " recipient, channel, status, delivery_status AS \"deliveryStatus\", queued_at AS \"queuedAt\","
                    + " settled_at AS \"settledAt\", delivered_at AS \"deliveredAt\" FROM notification"
                    + " WHERE person_id = ? ORDER BY queued_at, id", personId));
            sections.put("admissionReports", SubjectAccessRows.about(connection, "SELECT admitted_on AS"
                    + " \"admittedOn\", hospital, reported_by AS \"reportedBy\", received_at AS \"receivedAt\","
                    + " resolution FROM admission_report WHERE person_id = ? ORDER BY received_at, id", personId));
            sections.put("movesOutOfArea", SubjectAccessRows.about(connection, "SELECT from_area AS \"fromArea\","
                    + " moved_at AS \"movedAt\", resolution, transferred_to AS \"transferredTo\", staying_reason AS"
                    + " \"stayingReason\", resolved_at AS \"resolvedAt\" FROM move_out_of_area WHERE person_id = ?"
                    + " ORDER BY moved_at, id", personId));
            sections.put("subjectAccessRequests", SubjectAccessRows.about(connection, "SELECT id AS \"requestId\","
                    + " received_on AS \"receivedOn\", requested_by AS \"requestedBy\", extension_months AS"
                    + " \"extensionMonths\", extension_reason AS \"extensionReason\", state, sent_on AS \"sentOn\""
                    + " FROM subject_access_request WHERE person_id = ? ORDER BY received_on, id", personId));
            sections.put("accessLog", SubjectAccessRows.about(connection, "SELECT occurred_at AS \"when\","
                    + " actor_roles AS \"byRole\", action, what, purpose, outcome FROM dsr_kit.audit_entry"
                    + " WHERE person_id = ? ORDER BY seq", personId));
            return sections;
        });
    }

    @Override
    public List<Redaction> redactions() {
        String others = "another person's personal data (ICO: third-party data), not the requester's without their"
                + " consent";
        String staff = "a professional's identity is " + others + "; what they did and in what role is shown";
        return List.of(
                new Redaction("contacts", "name, phone, email", "the relationship (shown in full for PERSON)",
                        others),
                new Redaction("keyProfessionals", "name, phone, email, userId", "role and organisation", staff),
                new Redaction("referrals", "referrerName, referrerEmail, referrerPhone, referredBy",
                        "referrerRole and referrerOrganisation", staff),
                new Redaction("referrals", "contactedBy, closedBy", "left out (the DSR team)", staff),
                new Redaction("eligibilityDecisions", "assessedBy", "left out (the DSR team)", staff),
                new Redaction("registerEntries", "responsibleProfessional, removedBy",
                        "responsibleProfessionalAllocated (yes or no)", staff),
                new Redaction("careTeam", "subject, startedBy, endedBy, reviewedBy", "the member's role", staff),
                new Redaction("notificationsSent", "facts, sentTo, personalisation, providerReference",
                        "the kind of message, recipient relationship, channel and delivery state",
                        "the address used and a message's wording may name a representative: " + others),
                new Redaction("accessLog", "actor", "byRole (the roles of whoever looked)", staff),
                new Redaction("subjectAccessRequests", "note, recordedBy", "left out",
                        "the lead's working note and identity are not data about the person"));
    }
}
