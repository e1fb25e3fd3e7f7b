package org.opendsr.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.ApiClient.ApiResponse;

/**
 * Issue 16, "done when": a subject access export for a person with a referral, consent, rating and meeting outcome
 * contains each of them and the access log. Through the gateway, on every real service: a lead records the request,
 * exports it (JSON and HTML), sees every service's part CONTRIBUTED, and records it sent.
 *
 * <p>First of the journeys: its seeds give consent dated today by the calendar, which consent-service sees as overdue
 * once RegisterAndConsentJourneyTest has moved its clock past a renewal.
 */
@Order(1)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(DsrJourney.class)
class SubjectAccessJourneyTest {

    private ApiClient gateway;
    private MatrixPeople people;
    private String insider;
    private String lead;

    @BeforeAll
    void theStartedSystem(StartedDsr system) {
        gateway = system.gateway;
        insider = system.tokenFor("professional");
        lead = system.tokenFor("dsr-lead");
        people = new MatrixPeople(system, insider, system.tokenFor("dsr-team"), system.tokenFor("professional-2"),
                lead);
    }

    @AfterAll
    void closeTheSeeds() {
        people.close();
    }

    @Test
    void anExportHoldsTheReferralConsentRatingMeetingOutcomeAndTheAccessLog() {
        // Referred, consented, accepted, rated RED, discussed at a held meeting with an outcome recorded.
        Map<String, String> seeded = people.meetingValues();
        String personId = seeded.get("meetingPersonId");
        assertThat(gateway.get("/api/people/" + personId, insider).status()).isEqualTo(200);

        ApiResponse recorded = gateway.post("/api/subject-access-requests", lead, Map.of("personId", personId,
                "receivedOn", LocalDate.now(ZoneId.of("Europe/London")).toString(), "requestedBy", "THE_PERSON"));
        assertThat(recorded.status()).as(recorded.text()).isEqualTo(201);
        String requestId = recorded.json().get("requestId").asText();

        ApiResponse exported = gateway.post("/api/subject-access-requests/" + requestId + "/export", lead, Map.of());

        assertThat(exported.status()).as(exported.text()).isEqualTo(200);
        JsonNode document = exported.json();
        assertThat(document.get("missing")).as(exported.text()).isEmpty();
        assertThat(document.get("complete").asBoolean()).isTrue();
        JsonNode parts = document.get("parts");
        assertThat(parts.at("/referral-service/sections/referrals").findValuesAsText("status")).contains("ACCEPTED");
        assertThat(parts.at("/consent-service/sections/consents").findValuesAsText("basis"))
                .contains("INFORMED_CONSENT");
        assertThat(parts.at("/risk-service/sections/ratings").findValuesAsText("rating")).contains("RED");
        assertThat(parts.at("/meeting-service/sections/outcomes").findValuesAsText("outcomeId"))
                .contains(seeded.get("outcomeId"));
        JsonNode accessLog = parts.at("/referral-service/sections/accessLog");
        assertThat(accessLog.findValuesAsText("byRole")).contains("PROFESSIONAL");
        assertThat(accessLog.findValuesAsText("purpose")).contains("SUBJECT_ACCESS_REQUEST");
        assertThat(exported.text()).doesNotContain("\"professional\"");
        assertThat(document.at("/request/state").asText()).isEqualTo("EXPORTED");

        ApiResponse html = gateway.post("/api/subject-access-requests/" + requestId + "/export?format=html", lead,
                Map.of());
        assertThat(html.status()).as(html.text()).isEqualTo(200);
        assertThat(html.text()).contains("What meeting-service holds", "Discussed the placement and the crisis plan");

        ApiResponse sent = gateway.post("/api/subject-access-requests/" + requestId + "/sent", lead,
                Map.of("sentOn", LocalDate.now(ZoneId.of("Europe/London")).toString()));
        assertThat(sent.status()).as(sent.text()).isEqualTo(200);
        assertThat(sent.json().get("state").asText()).isEqualTo("SENT");
    }
}
