package org.opendsr.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendsr.contracts.EventTypes;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.testkit.TestTokens;

/**
 * The notifier's first loop through the real broker and database: consent-service's reminder-due event queues
 * messages, the sender writes them to the local mailbox exactly as they would go, nobody is messaged after consent
 * is withdrawn, and a message that can never go lands on the DSR team's worklist.
 */
@MicronautTest(transactional = false)
class NotificationsApiTest extends NotifierUnderTest {

    private static final String REFERRER = "sam.patel@swindon-cldt.example";

    private String referrer;


    @BeforeAll
    void signIn() {
        referrer = TestTokens.get().tokenFor(REFERRER, DsrRoles.PROFESSIONAL);
    }

    private static ReferralRequests aChildWithAParentAndTheReferrerOnRecord(boolean referrerHasEmail) {
        return ReferralRequests.aReferralOfSomeoneNew()
                .with("contacts", List.of(Map.of("relationship", "PARENT_OR_CARER", "name", "Hester Quince",
                        "email", "hester.quince@example.org", "hasParentalResponsibility", true)))
                .with("keyProfessionals", List.of(referrerHasEmail
                        ? Map.of("name", "Sam Patel", "role", "Community LD nurse", "organisation", "Swindon CLDT",
                                "email", "sam.patel@swindon-cldt.example", "userId", REFERRER)
                        : Map.of("name", "Sam Patel", "role", "Community LD nurse", "organisation", "Swindon CLDT",
                                "phone", "01793 000000", "userId", REFERRER)));
    }

    private String remind(String personId, String consentId) {
        ObjectNode reminder = EventsOnTopics.goldenSample(EventTypes.CONSENT_REMINDER_DUE_V1,
                data -> data.put("consentId", consentId));
        String eventId = UUID.randomUUID().toString();
        reminder.put("id", eventId);
        events.publishConsentEvent(reminder, personId);
        database.awaitHandled("referral-service.notifications", eventId);
        return eventId;
    }

    private List<JsonNode> mailboxOf(String personId, int expected) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                api.get("/local-mailbox?personId=" + personId, journeys.dsrTeam()).json().get("items").size()
                        >= expected);
        JsonNode items = api.get("/local-mailbox?personId=" + personId, journeys.dsrTeam()).json().get("items");
        List<JsonNode> messages = new java.util.ArrayList<>();
        items.forEach(messages::add);
        messages.sort(java.util.Comparator.comparing(m -> m.get("recipient").asText()));
        return messages;
    }

    @Test
    void aConsentReminderGoesToTheParentOfAChildAndToTheResponsibleProfessional() {
        ReferralRequests referral = aChildWithAParentAndTheReferrerOnRecord(true);
        String givenName = (String) referral.get("givenName");
        Journeys.OnRegister onRegister = journeys.putOnRegister(referrer, referral);
        String consentId = journeys.recordConsent(onRegister.personId(), "RENEWAL_DUE");

        remind(onRegister.personId(), consentId);

        List<JsonNode> messages = mailboxOf(onRegister.personId(), 2);
        assertThat(messages).hasSize(2);
        JsonNode parent = messages.get(0);
        assertThat(parent.get("recipient").asText()).isEqualTo("REPRESENTATIVE");
        assertThat(parent.get("channel").asText()).isEqualTo("EMAIL");
        assertThat(parent.get("template").asText()).isEqualTo("consent-reminder-person-email");
        assertThat(parent.get("sentTo").asText()).isEqualTo("hester.quince@example.org");
        assertThat(parent.get("personalisation")).isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper()
                .valueToTree(Map.of("name", "Hester Quince", "person_name", givenName,
                        "renewal_due_on", "2 December 2026", "overdue", "no", "grace_ends_on", "",
                        "reminder_number", "1")));
        JsonNode professional = messages.get(1);
        assertThat(professional.get("recipient").asText()).isEqualTo("RESPONSIBLE_PROFESSIONAL");
        assertThat(professional.get("channel").asText()).isEqualTo("EMAIL");
        assertThat(professional.get("template").asText()).isEqualTo("consent-reminder-professional-email");
        assertThat(professional.get("sentTo").asText()).isEqualTo("sam.patel@swindon-cldt.example");
        assertThat(professional.at("/personalisation/name").asText()).isEqualTo("Sam Patel");
        assertThat(professional.at("/personalisation/person_name").asText())
                .isEqualTo(givenName + " Brackenbury-Quince");
        assertThat(database.count("SELECT count(*) FROM notification WHERE person_id = ?::uuid AND status = 'SENT'",
                onRegister.personId())).isEqualTo(2);
    }

    @Test
    void aConsentGivenInAnAdultsBestInterestsIsRenewedWithTheirParentNotThem() {
        Journeys.OnRegister onRegister = journeys.putOnRegister(referrer, ReferralRequests.aReferralOfSomeoneNew()
                .with("dateOfBirth", "1996-03-04")
                .with("contacts", List.of(Map.of("relationship", "PERSON", "email", "ottoline.q@example.org"),
                        Map.of("relationship", "PARENT_OR_CARER", "name", "Hester Quince",
                                "email", "hester.quince@example.org"))));
        String consentId = UUID.randomUUID().toString();
        events.publishConsentEvent(EventsOnTopics.goldenSample(EventTypes.CONSENT_RECORDED_V1, data -> data
                .put("consentId", consentId).put("status", "RENEWAL_DUE").put("basis", "BEST_INTERESTS_DECISION")),
                onRegister.personId());
        journeys.awaitConsent(onRegister.personId(), "RENEWAL_DUE");

        remind(onRegister.personId(), consentId);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> database.count(
                "SELECT count(*) FROM notification WHERE person_id = ?::uuid AND message = 'CONSENT_REMINDER'"
                        + " AND status IN ('SENT', 'DELIVERED')", onRegister.personId()) >= 1);
        assertThat(database.column("SELECT recipient FROM notification WHERE person_id = ?::uuid"
                + " AND message = 'CONSENT_REMINDER' AND recipient <> 'RESPONSIBLE_PROFESSIONAL'",
                onRegister.personId())).containsExactly("REPRESENTATIVE");
        assertThat(database.column("SELECT basis FROM consent_standing WHERE person_id = ?::uuid",
                onRegister.personId())).containsExactly("BEST_INTERESTS_DECISION");
    }

    @Test
    void aReSentReminderSendsNothingMore() {
        Journeys.OnRegister onRegister = journeys.putOnRegister(referrer, aChildWithAParentAndTheReferrerOnRecord(true));
        String consentId = journeys.recordConsent(onRegister.personId(), "RENEWAL_DUE");
        ObjectNode reminder = EventsOnTopics.goldenSample(EventTypes.CONSENT_REMINDER_DUE_V1,
                data -> data.put("consentId", consentId));
        reminder.put("id", UUID.randomUUID().toString());
        events.publishConsentEvent(reminder, onRegister.personId());
        events.publishConsentEvent(reminder, onRegister.personId());
        remind(onRegister.personId(), consentId);

        mailboxOf(onRegister.personId(), 4);
        assertThat(database.count("SELECT count(*) FROM notification WHERE person_id = ?::uuid"
                + " AND message = 'CONSENT_REMINDER'", onRegister.personId())).isEqualTo(4);
    }

    @Test
    void nobodyIsRemindedAfterConsentWasWithdrawn() {
        Journeys.OnRegister onRegister = journeys.putOnRegister(referrer, aChildWithAParentAndTheReferrerOnRecord(true));
        String consentId = journeys.recordConsent(onRegister.personId(), "RENEWAL_DUE");
        events.publishConsentEvent(EventsOnTopics.goldenSample(EventTypes.CONSENT_WITHDRAWN_V1,
                data -> data.put("consentId", consentId)), onRegister.personId());
        journeys.awaitConsent(onRegister.personId(), "WITHDRAWN");

        remind(onRegister.personId(), consentId);

        assertThat(database.count("SELECT count(*) FROM notification WHERE person_id = ?::uuid AND status = 'WITHHELD'"
                + " AND failure_reason = 'CONSENT_WITHDRAWN'", onRegister.personId())).isEqualTo(1);
        assertThat(database.count("SELECT count(*) FROM notification WHERE person_id = ?::uuid AND status <> 'WITHHELD'"
                + " AND message = 'CONSENT_REMINDER'", onRegister.personId())).isZero();
        assertThat(api.get("/local-mailbox?personId=" + onRegister.personId(), journeys.dsrTeam()).json()
                .get("items")).noneMatch(message -> message.get("template").asText().startsWith("consent-reminder"));
    }

    @Test
    void aMessageThatCanNeverGoIsOnTheDsrTeamsWorklist() {
        Journeys.OnRegister onRegister = journeys.putOnRegister(referrer, aChildWithAParentAndTheReferrerOnRecord(false));
        String consentId = journeys.recordConsent(onRegister.personId(), "RENEWAL_DUE");

        remind(onRegister.personId(), consentId);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                failedLine(onRegister.personId()) != null);
        JsonNode line = failedLine(onRegister.personId());
        assertThat(line.get("recipient").asText()).isEqualTo("RESPONSIBLE_PROFESSIONAL");
        assertThat(line.get("failureReason").asText()).isEqualTo("NO_EMAIL_FOR_RESPONSIBLE_PROFESSIONAL");
        assertThat(line.get("message").asText()).isEqualTo("CONSENT_REMINDER");
        assertThat(line.toString()).doesNotContain("01793 000000");
        // The parent's message still went.
        assertThat(mailboxOf(onRegister.personId(), 1)).extracting(m -> m.get("recipient").asText())
                .containsExactly("REPRESENTATIVE");
    }

    private JsonNode failedLine(String personId) {
        for (JsonNode line : api.get("/worklists/notifications/failed?limit=100", journeys.dsrTeam()).json()
                .get("items")) {
            // The referral's outcome to the referrer is the person's too (this referrer's token has no e-mail).
            if (personId.equals(line.get("personId").asText())
                    && "CONSENT_REMINDER".equals(line.get("message").asText())) {
                return line;
            }
        }
        return null;
    }

    @Test
    void theWorklistAndTheLocalMailboxAreForTheDsrTeamAndLeadsOnly() {
        for (String role : List.of(DsrRoles.PROFESSIONAL, DsrRoles.ANALYST, DsrRoles.AGENCY_SYSTEM, DsrRoles.ADMIN)) {
            String token = TestTokens.get().tokenFor("someone-" + role, role);
            for (String path : List.of("/worklists/notifications/failed", "/local-mailbox")) {
                assertThat(api.get(path, token).status()).as(role + " " + path).isEqualTo(403);
            }
        }
        for (String token : List.of(journeys.dsrTeam(), journeys.dsrLead())) {
            for (String path : List.of("/worklists/notifications/failed", "/local-mailbox")) {
                assertThat(api.get(path, token).status()).as(path).isEqualTo(200);
            }
        }
        assertThat(api.get("/local-mailbox", null).status()).isEqualTo(401);
    }
}
