package org.opendsr.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.TopicReader;

/**
 * Referral, consent and the register, through the gateway and the started services: referral-service accepts only
 * with active consent, learned from consent-service's events, and removes people whose consent lapses or is
 * withdrawn. Consent's time is moved with the test clock, which only journeys put on a service's classpath.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(DsrJourney.class)
class RegisterAndConsentJourneyTest {

    private static final Map<String, Object> ALL_CRITERIA_MET = Map.of("criteria", Map.of(
            "learningDisabilityOrAutism", true,
            "atRiskOfAdmissionOrPlacementBreakdown", true,
            "livesInIcbArea", true));

    private StartedDsr system;
    private ApiClient gateway;
    private String professional;
    private String dsrTeam;
    private String dsrLead;
    private Referred secondPerson;

    record Referred(String personId, String referralId) {
    }

    @BeforeAll
    void theStartedSystem(StartedDsr system) {
        this.system = system;
        this.gateway = system.gateway;
        this.professional = system.tokenFor("professional");
        // The people of this journey live in Wiltshire: it is that area's DSR team that sees and manages them.
        this.dsrTeam = system.tokenFor("dsr-team-wiltshire");
        this.dsrLead = system.tokenFor("dsr-lead");
    }

    @Test
    @Order(1)
    void aReferralContactedWithConsentIsAcceptedOntoTheRegisterAndRemovedWhenConsentIsWithdrawn() {
        Referred person = refer("Morwenna", "Tregothnan", "9990000034");
        contact(person);
        JsonNode consent = recordConsent(person, today(), null);
        assertThat(consent.get("status").asText()).isEqualTo("ACTIVE");
        awaitConsentStanding(person, "ACTIVE");

        assertThat(accept(person).status()).isBetween(200, 201);
        assertThat(register(person).get("status").asText()).isEqualTo("ON_REGISTER");
        JsonNode listing = gateway.get("/api/register?locality=WILTSHIRE&status=ON_REGISTER", dsrTeam).json();
        assertThat(listing.toString()).contains(person.personId());

        ApiResponse withdrawn = gateway.post("/api/consents/" + consent.get("consentId").asText() + "/withdrawal",
                professional, Map.of("reason", "PERSON_WITHDREW"));
        assertThat(withdrawn.status()).as(withdrawn.text()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> "REMOVED".equals(register(person).get("status").asText()));
        assertThat(register(person).get("removalReason").asText()).isEqualTo("CONSENT_WITHDRAWN");
    }

    @Test
    @Order(2)
    void overdueConsentBlocksAcceptanceUntilItIsRenewed() {
        Referred person = refer("Jory", "Penhaligon", "9990000042");
        contact(person);
        JsonNode overdue = recordConsent(person, today().minusYears(1).minusWeeks(1), null);
        assertThat(overdue.get("status").asText()).isEqualTo("OVERDUE");
        assertThat(overdue.get("daysLeftBeforeRemoval").asInt()).isEqualTo(21);
        awaitConsentStanding(person, "OVERDUE");

        ApiResponse refused = accept(person);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:dsr:problem:consent-not-active");
        assertThat(register(person).get("status").asText()).isEqualTo("REFERRED");

        JsonNode renewed = recordConsent(person, today(), overdue.get("consentId").asText());
        assertThat(renewed.get("status").asText()).isEqualTo("ACTIVE");
        awaitConsentStanding(person, "ACTIVE");

        assertThat(accept(person).status()).isBetween(200, 201);
        assertThat(register(person).get("status").asText()).isEqualTo("ON_REGISTER");
    }

    @Test
    @Order(3)
    void consentNotRenewedIsRemindedThenLapsesAndThePersonLeavesTheRegister() {
        // Their own e-mail and their referrer's work e-mail are on the record: the notifier's reminders reach both.
        secondPerson = refer("Lowen", "Trevithick", "9990000050", Map.of(
                "contacts", List.of(Map.of("relationship", "PERSON", "email", "lowen.trevithick@example.org")),
                "keyProfessionals", List.of(Map.of("name", "Sam Patel", "role", "Community LD nurse",
                        "organisation", "Swindon Community LD Team", "email", "sam.patel@swindon-ld.example",
                        "userId", "professional"))));
        contact(secondPerson);
        LocalDate due = LocalDate.parse(recordConsent(secondPerson, today(), null).get("renewalDueOn").asText());
        awaitConsentStanding(secondPerson, "ACTIVE");
        assertThat(accept(secondPerson).status()).isBetween(200, 201);

        try (TopicReader consentEvents = TopicReader.fromBeginning(system.dsr.kafkaBootstrapServers(),
                Topics.CONSENT_EVENTS)) {
            // Steps from the recorded due date, so a year with 29 February in it makes no difference.
            // 30 days before it: renewal is due, and the first reminder goes out.
            system.advanceClockTo("consent-service", due.minusDays(30));
            runConsentLifecycle();
            assertThat(currentConsent(secondPerson).get("status").asText()).isEqualTo("RENEWAL_DUE");
            awaitEvent(consentEvents, EventTypes.CONSENT_REMINDER_DUE_V1, 1);
            // The notifier (referral-service) tells the person and their responsible professional (issue 15): the
            // local mailbox shows what would have been sent to whom.
            String dueOn = due.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK));
            JsonNode toThePerson = awaitMessage(secondPerson, "consent-reminder-person-email");
            assertThat(toThePerson.get("recipient").asText()).isEqualTo("PERSON");
            assertThat(toThePerson.get("sentTo").asText()).isEqualTo("lowen.trevithick@example.org");
            assertThat(toThePerson.at("/personalisation/name").asText()).isEqualTo("Lowen");
            assertThat(toThePerson.at("/personalisation/renewal_due_on").asText()).isEqualTo(dueOn);
            assertThat(toThePerson.at("/personalisation/overdue").asText()).isEqualTo("no");
            JsonNode toTheProfessional = awaitMessage(secondPerson, "consent-reminder-professional-email");
            assertThat(toTheProfessional.get("sentTo").asText()).isEqualTo("sam.patel@swindon-ld.example");
            assertThat(toTheProfessional.at("/personalisation/person_name").asText()).isEqualTo("Lowen Trevithick");

            // The due date: overdue, 4 weeks' grace, another reminder; still on the register.
            system.advanceClockTo("consent-service", due);
            runConsentLifecycle();
            assertThat(currentConsent(secondPerson).get("status").asText()).isEqualTo("OVERDUE");
            awaitEvent(consentEvents, EventTypes.CONSENT_OVERDUE_V1, 1);
            awaitEvent(consentEvents, EventTypes.CONSENT_REMINDER_DUE_V1, 2);
            assertThat(register(secondPerson).get("status").asText()).isEqualTo("ON_REGISTER");

            // Not renewed by the end of the grace period: lapsed, and referral-service removes the person.
            system.advanceClockTo("consent-service", due.plusDays(28));
            runConsentLifecycle();
            assertThat(currentConsent(secondPerson).get("status").asText()).isEqualTo("LAPSED");
            awaitEvent(consentEvents, EventTypes.CONSENT_LAPSED_V1, 1);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> "REMOVED".equals(register(secondPerson).get("status").asText()));
        assertThat(register(secondPerson).get("removalReason").asText()).isEqualTo("CONSENT_LAPSED");
    }

    /**
     * Issue 15: a self-referral is acknowledged, told its status on request and its outcome with the area's
     * signposting; one whose only contact is a landline cannot be told by message, so its outcome is on the DSR team's
     * worklist until they record telling them another way.
     */
    @Test
    @Order(4)
    void aSelfReferrerIsAcknowledgedToldTheStatusAndTheOutcomeOrItIsOnTheWorklist() {
        Referred byEmail = selfRefer("Tamsin", "Polglaze", Map.of("email", "tamsin.polglaze@example.org"));
        JsonNode acknowledged = awaitMessage(byEmail, "referral-received-person-email");
        assertThat(acknowledged.get("sentTo").asText()).isEqualTo("tamsin.polglaze@example.org");
        assertThat(acknowledged.at("/personalisation/signposting").asText()).contains("111", "999");

        ApiResponse status = gateway.post("/api/referrals/" + byEmail.referralId() + "/status-message", dsrTeam,
                Map.of());
        assertThat(status.status()).as(status.text()).isEqualTo(202);
        assertThat(awaitMessage(byEmail, "referral-status-person-email").at("/personalisation/status").asText())
                .isNotBlank();

        completeContactAndDeclineAsAnEhcpQuestion(byEmail);
        JsonNode outcome = awaitMessage(byEmail, "referral-outcome-person-email");
        assertThat(outcome.at("/personalisation/outcome").asText()).isEqualTo("not accepted");
        assertThat(outcome.at("/personalisation/signposting").asText()).contains("Wiltshire Council's SEND service",
                "111");

        Referred byLandline = selfRefer("Jago", "Trewin", Map.of("phone", "01225 000000"));
        completeContactAndDeclineAsAnEhcpQuestion(byLandline);
        JsonNode[] line = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            line[0] = untoldLine(byLandline);
            return line[0] != null;
        });
        assertThat(line[0].get("messageStatus").asText()).isEqualTo("FAILED_PERMANENT");
        assertThat(line[0].get("failureReason").asText()).isEqualTo("NO_CONTACT_DETAILS");
        ApiResponse told = gateway.post("/api/worklists/referral-outcomes-untold/" + byLandline.referralId() + "/told",
                dsrTeam, Map.of("how", "PHONE"));
        assertThat(told.status()).as(told.text()).isEqualTo(200);
        assertThat(untoldLine(byLandline)).isNull();
    }

    @Test
    @Order(5)
    void noPersonalDataLeftReferralService() throws IOException {
        for (String log : List.of("consent-service", "reporting-service", "gateway", "risk-service", "meeting-service")) {
            String text = java.nio.file.Files.readString(system.dsr.logDirectory().resolve(log + ".log"));
            assertThat(text).as(log).doesNotContain("Morwenna", "Tregothnan", "Penhaligon", "Trevithick",
                    "9990000034", "9990000042", "9990000050", "Tamsin", "Polglaze", "Trewin", "01225 000000");
        }
    }

    // ---- steps ---------------------------------------------------------------------------------------------------

    private Referred refer(String givenName, String familyName, String nhsNumber) {
        return refer(givenName, familyName, nhsNumber, Map.of());
    }

    private Referred refer(String givenName, String familyName, String nhsNumber, Map<String, Object> more) {
        Map<String, Object> referral = new HashMap<>(Map.of(
                "givenName", givenName, "familyName", familyName, "dateOfBirth", "2004-03-12",
                "nhsNumber", nhsNumber, "postcode", "SN15 1AA", "locality", "WILTSHIRE",
                "reasonForReferral", "Risk of placement breakdown",
                "currentIssues", "Increasing distress; family carers exhausted",
                "indicativeRag", "AMBER", "diagnosis", "LEARNING_DISABILITY_AND_AUTISM"));
        referral.putAll(more);
        ApiResponse created = gateway.post("/api/referrals", professional, referral);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        Referred person = new Referred(created.json().get("personId").asText(), created.json().get("referralId").asText());
        // consent-service learns of the person from the ReferralReceived event.
        await().atMost(Duration.ofSeconds(60)).until(
                () -> gateway.get("/api/consents/people/" + person.personId(), dsrTeam).status() == 200);
        return person;
    }

    /** A self-referral the Wiltshire team takes from the person themself: a name, a postcode, one way back. */
    private Referred selfRefer(String givenName, String familyName, Map<String, Object> wayBack) {
        Map<String, Object> referral = new HashMap<>(Map.of("givenName", givenName, "familyName", familyName,
                "postcode", "SN15 1AA", "locality", "WILTSHIRE", "reasonForReferral", "Worried about my placement"));
        referral.putAll(wayBack);
        ApiResponse taken = gateway.post("/api/referrals/self-or-family", dsrTeam, referral);
        assertThat(taken.status()).as(taken.text()).isEqualTo(201);
        return new Referred(taken.json().get("personId").asText(), taken.json().get("referralId").asText());
    }

    private void completeContactAndDeclineAsAnEhcpQuestion(Referred person) {
        ApiResponse completed = gateway.post("/api/referrals/" + person.referralId() + "/completion", dsrTeam, Map.of(
                "dateOfBirth", "2009-05-04", "locality", "WILTSHIRE", "reasonForReferral", "Worried about school",
                "currentIssues", "Waiting for an education, health and care plan"));
        assertThat(completed.status()).as(completed.text()).isBetween(200, 201);
        contact(person);
        ApiResponse declined = gateway.post("/api/referrals/" + person.referralId() + "/declinal", dsrTeam, Map.of(
                "reason", "MAIN_NEED_IS_AN_EHCP", "criteria", ALL_CRITERIA_MET.get("criteria")));
        assertThat(declined.status()).as(declined.text()).isEqualTo(200);
    }

    /** The person's line on the Wiltshire team's worklist of outcomes not told, if there is one. */
    private JsonNode untoldLine(Referred person) {
        ApiResponse page = gateway.get("/api/worklists/referral-outcomes-untold?limit=100", dsrTeam);
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        for (JsonNode item : page.json().get("items")) {
            if (person.referralId().equals(item.get("referralId").asText())) {
                return item;
            }
        }
        return null;
    }

    private void contact(Referred person) {
        ApiResponse contacted = gateway.post("/api/referrals/" + person.referralId() + "/contact", dsrTeam, Map.of());
        assertThat(contacted.status()).as(contacted.text()).isBetween(200, 204);
    }

    private JsonNode recordConsent(Referred person, LocalDate givenOn, String renewalOf) {
        Map<String, Object> consent = new HashMap<>(Map.of(
                "personId", person.personId(), "basis", "INFORMED_CONSENT", "givenBy", "THE_PERSON",
                "givenOn", givenOn.toString(), "explainedWith", "EASY_READ",
                "formKeptAt", "Scanned to the community learning disability team record"));
        if (renewalOf != null) {
            consent.put("renewalOf", renewalOf);
        }
        // consent-service learns that the referrer is in the person's care team from the event of the DSR team's first
        // contact, a moment after it (issue 11): until then the person "does not exist" for them.
        ApiResponse[] recorded = new ApiResponse[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            recorded[0] = gateway.post("/api/consents", professional, consent);
            return recorded[0].status() != 404;
        });
        assertThat(recorded[0].status()).as(recorded[0].text()).isEqualTo(201);
        return recorded[0].json();
    }

    private ApiResponse accept(Referred person) {
        return gateway.post("/api/referrals/" + person.referralId() + "/acceptance", dsrTeam, ALL_CRITERIA_MET);
    }

    private void awaitConsentStanding(Referred person, String status) {
        await().atMost(Duration.ofSeconds(60)).until(() -> status.equals(
                gateway.get("/api/people/" + person.personId(), dsrTeam).json().path("consent").asText()));
    }

    private JsonNode register(Referred person) {
        ApiResponse record = gateway.get("/api/people/" + person.personId(), dsrTeam);
        assertThat(record.status()).as(record.text()).isEqualTo(200);
        return record.json().get("register");
    }

    private JsonNode currentConsent(Referred person) {
        JsonNode history = gateway.get("/api/consents/people/" + person.personId(), dsrTeam).json();
        return history.get("consents").get(0);
    }

    private void runConsentLifecycle() {
        ApiResponse run = gateway.post("/api/consents/lifecycle-runs", dsrLead, Map.of());
        assertThat(run.status()).as(run.text()).isBetween(200, 201);
    }

    /** The local mailbox's message about the person with this template (the DSR team of their area reads it). */
    private JsonNode awaitMessage(Referred person, String template) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            ApiResponse mailbox = gateway.get("/api/local-mailbox?personId=" + person.personId(), dsrTeam);
            assertThat(mailbox.status()).as(mailbox.text()).isEqualTo(200);
            for (JsonNode message : mailbox.json().get("items")) {
                if (template.equals(message.get("template").asText())) {
                    found[0] = message;
                }
            }
            return found[0] != null;
        });
        return found[0];
    }

    private void awaitEvent(TopicReader events, String type, int count) {
        events.awaitRecords(record -> record.key().equals(secondPerson.personId())
                && record.value().contains("\"type\":\"" + type + "\""), count);
    }

    /**
     * Today on consent-service's clock, in England: not the machine's day, since another journey (the reporting one)
     * may already have moved the services' clocks months on.
     */
    private LocalDate today() {
        ApiResponse now = new ApiClient(system.dsr.serviceUrl("consent-service")).get("/testing/clock", null);
        assertThat(now.status()).as(now.text()).isEqualTo(200);
        return LocalDate.ofInstant(java.time.Instant.parse(now.json().get("now").asText()), ZoneId.of("Europe/London"));
    }
}
