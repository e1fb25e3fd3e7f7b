package org.opendsr.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.TestTokens;

/**
 * Subject access requests and referral-service's part of the export (issue 16): a lead records a request (due a
 * calendar month on), lists it with its progress, the gateway's export records each service's part, the lead marks
 * it sent; the part holds the record, referrals, contacts and key professionals redacted to relationships and roles,
 * and the access log by role; everyone but a lead is refused (403) and the refusal audited; all of it is on the
 * person's trail with the purpose SUBJECT_ACCESS_REQUEST.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubjectAccessRequestApiTest extends ReferralServiceUnderTest {

    private static final String REFERRER = "jo.winters@swindon-cldt.example";
    private static final String KEY_PROFESSIONAL = "priya.shah@wiltshire-camhs.example";
    private static final String OUTSIDER = "kit.marlowe@elsewhere.example";

    private String referrer;
    private String lead;
    private List<String> everyoneButALead;

    @BeforeAll
    void signIn() {
        referrer = TestTokens.get().tokenFor(REFERRER, DsrRoles.PROFESSIONAL);
        lead = journeys.dsrLead();
        TestTokens tokens = TestTokens.get();
        everyoneButALead = List.of(referrer,
                tokens.tokenFor(OUTSIDER, DsrRoles.PROFESSIONAL),
                tokens.tokenFor("swindon.team@bsw-icb.example", List.of(DsrRoles.DSR_TEAM),
                        Map.of("areas", List.of("SWINDON")), Duration.ofHours(1)),
                tokens.tokenFor("wiltshire.team@bsw-icb.example", List.of(DsrRoles.DSR_TEAM),
                        Map.of("areas", List.of("WILTSHIRE")), Duration.ofHours(1)),
                tokens.tokenFor("analyst-1", DsrRoles.ANALYST),
                tokens.tokenFor("agency-1", DsrRoles.AGENCY_SYSTEM),
                tokens.tokenFor("admin-1", DsrRoles.ADMIN));
    }

    /** Referred with a carer and a key professional, and contacted by the DSR team. */
    private String someoneReferred() {
        JsonNode receipt = journeys.refer(referrer, ReferralRequests.aReferralOfSomeoneNew()
                .with("contacts", List.of(
                        Map.of("relationship", "PARENT_OR_CARER", "name", "Hester Quince",
                                "email", "hester.quince@example.org", "hasParentalResponsibility", true),
                        Map.of("relationship", "PERSON", "phone", "07700 900456")))
                .with("keyProfessionals", List.of(Map.of("name", "Priya Shah", "role", "CAMHS clinician",
                        "organisation", "Wiltshire CAMHS", "phone", "01225 000000", "userId", KEY_PROFESSIONAL))));
        journeys.contact(receipt.get("referralId").asText());
        return receipt.get("personId").asText();
    }

    private JsonNode recorded(String personId, LocalDate receivedOn) {
        ApiResponse response = api.post("/subject-access-requests", lead, Map.of("personId", personId,
                "receivedOn", receivedOn.toString(), "requestedBy", "THE_PERSON", "note", "asked by letter"));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json();
    }

    private JsonNode listed(String requestId) {
        ApiResponse response = api.get("/subject-access-requests", lead);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        for (JsonNode item : response.json().get("items")) {
            if (item.get("requestId").asText().equals(requestId)) {
                return item;
            }
        }
        throw new AssertionError("request " + requestId + " not listed");
    }

    private List<String> trailOf(String personId) {
        JsonNode page = api.get("/people/" + personId + "/audit?size=200", lead).json();
        List<String> lines = new ArrayList<>();
        page.get("items").forEach(entry -> lines.add(entry.get("actor").asText() + " " + entry.get("action").asText()
                + " " + entry.get("what").asText() + " " + entry.get("purpose").asText() + " "
                + entry.get("outcome").asText()));
        return lines;
    }

    @Test
    void aLeadRecordsARequestDueACalendarMonthOnAndFollowsItToSent() {
        String personId = someoneReferred();
        LocalDate receivedOn = LocalDate.now().minusMonths(2).withDayOfMonth(1);

        JsonNode request = recorded(personId, receivedOn);
        String requestId = request.get("requestId").asText();

        assertThat(request.get("dueOn").asText()).isEqualTo(receivedOn.plusMonths(1).toString());
        assertThat(request.get("state").asText()).isEqualTo("OPEN");
        assertThat(request.get("overdue").asBoolean()).isTrue();
        JsonNode listed = listed(requestId);
        assertThat(listed.get("progress").findValuesAsText("progress")).containsOnly("PENDING");
        assertThat(listed.get("pending")).hasSize(4);

        ApiResponse extended = api.post("/subject-access-requests/" + requestId + "/extension", lead,
                Map.of("months", 2, "reason", "records held by several agencies"));
        assertThat(extended.status()).as(extended.text()).isEqualTo(200);
        assertThat(extended.json().get("dueOn").asText()).isEqualTo(receivedOn.plusMonths(3).toString());
        assertThat(extended.json().get("overdue").asBoolean()).isFalse();

        ApiResponse tooEarly = api.post("/subject-access-requests/" + requestId + "/sent", lead,
                Map.of("sentOn", LocalDate.now().toString()));
        assertThat(tooEarly.status()).as(tooEarly.text()).isEqualTo(409);

        for (String service : List.of("referral-service", "consent-service", "risk-service", "meeting-service")) {
            ApiResponse progressed = api.put("/subject-access-requests/" + requestId + "/progress/" + service, lead,
                    Map.of("progress", "CONTRIBUTED"));
            assertThat(progressed.status()).as(progressed.text()).isEqualTo(200);
        }
        JsonNode exported = listed(requestId);
        assertThat(exported.get("state").asText()).isEqualTo("EXPORTED");
        assertThat(exported.get("progress").findValuesAsText("progress")).containsOnly("CONTRIBUTED");
        assertThat(exported.get("progress").findValues("contributedAt")).allMatch(at -> !at.isNull());

        ApiResponse sent = api.post("/subject-access-requests/" + requestId + "/sent", lead,
                Map.of("sentOn", LocalDate.now().toString()));
        assertThat(sent.status()).as(sent.text()).isEqualTo(200);
        assertThat(sent.json().get("state").asText()).isEqualTo("SENT");

        assertThat(trailOf(personId)).contains(
                Journeys.DSR_LEAD + " CREATED subject access request " + requestId + " recorded"
                        + " SUBJECT_ACCESS_REQUEST ALLOWED",
                Journeys.DSR_LEAD + " CHANGED subject access request " + requestId + " answered (sent)"
                        + " SUBJECT_ACCESS_REQUEST ALLOWED");
    }

    @Test
    void badRequestsAreProblemsNamingTheField() {
        String personId = someoneReferred();

        ApiResponse tomorrow = api.post("/subject-access-requests", lead, Map.of("personId", personId,
                "receivedOn", LocalDate.now().plusDays(2).toString(), "requestedBy", "THE_PERSON"));
        ApiResponse who = api.post("/subject-access-requests", lead, Map.of("personId", personId,
                "receivedOn", LocalDate.now().toString(), "requestedBy", "A_NEIGHBOUR"));
        ApiResponse nobody = api.post("/subject-access-requests", lead, Map.of("personId",
                java.util.UUID.randomUUID().toString(), "receivedOn", LocalDate.now().toString(),
                "requestedBy", "THE_PERSON"));
        String requestId = recorded(personId, LocalDate.now()).get("requestId").asText();
        ApiResponse service = api.put("/subject-access-requests/" + requestId + "/progress/reporting-service", lead,
                Map.of("progress", "CONTRIBUTED"));

        for (var refused : List.of(Map.entry(tomorrow, "receivedOn"), Map.entry(who, "requestedBy"),
                Map.entry(nobody, "personId"), Map.entry(service, "service"))) {
            assertThat(refused.getKey().status()).as(refused.getKey().text()).isEqualTo(400);
            assertThat(refused.getKey().contentType()).startsWith("application/problem+json");
            assertThat(refused.getKey().text()).contains(refused.getValue());
        }
    }

    @Test
    void everyoneButALeadIsRefusedEveryEndpointAndTheRefusalIsAudited() {
        String personId = someoneReferred();
        String requestId = recorded(personId, LocalDate.now()).get("requestId").asText();

        for (String token : everyoneButALead) {
            List<ApiResponse> refused = List.of(
                    api.get("/subject-access-requests", token),
                    api.get("/subject-access-requests/" + requestId, token),
                    api.post("/subject-access-requests", token, Map.of("personId", personId,
                            "receivedOn", LocalDate.now().toString(), "requestedBy", "THE_PERSON")),
                    api.put("/subject-access-requests/" + requestId + "/progress/referral-service", token,
                            Map.of("progress", "CONTRIBUTED")),
                    api.post("/subject-access-requests/" + requestId + "/sent", token,
                            Map.of("sentOn", LocalDate.now().toString())),
                    api.get("/subject-access/referral-service/people/" + personId, token));
            for (ApiResponse response : refused) {
                assertThat(response.status()).as(response.text()).isEqualTo(403);
                assertThat(response.contentType()).startsWith("application/problem+json");
            }
        }
        assertThat(trailOf(personId)).contains(
                REFERRER + " READ subject access part (referral-service) SUBJECT_ACCESS_REQUEST REFUSED",
                OUTSIDER + " READ subject access request SUBJECT_ACCESS_REQUEST REFUSED");
    }

    @Test
    void thePartHoldsTheRecordReferralsAndAccessLogWithOtherPeoplesDetailsRedacted() {
        String personId = someoneReferred();
        assertThat(api.get("/people/" + personId, referrer).status()).isEqualTo(200);

        ApiResponse response = api.get("/subject-access/referral-service/people/" + personId, lead);

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode part = response.json();
        JsonNode sections = part.get("sections");
        assertThat(part.get("service").asText()).isEqualTo("referral-service");
        assertThat(sections.get("record").get(0).get("familyName").asText()).isEqualTo("Brackenbury-Quince");
        assertThat(sections.get("record").get(0).get("postcode").asText()).isEqualTo("SN1 2JH");
        assertThat(sections.get("referrals")).hasSize(1);
        assertThat(sections.get("referrals").get(0).get("reasonForReferral").asText()).contains("Placement");
        assertThat(sections.get("contacts").findValuesAsText("relationship"))
                .containsExactly("PARENT_OR_CARER", "PERSON");
        assertThat(sections.get("contacts").get(1).get("phone").asText()).isEqualTo("07700 900456");
        assertThat(sections.get("keyProfessionals").get(0).get("role").asText()).isEqualTo("CAMHS clinician");
        assertThat(sections.get("accessLog").findValuesAsText("byRole")).contains("PROFESSIONAL");
        assertThat(sections.get("accessLog").findValuesAsText("what")).contains("record");
        for (String section : List.of("consentBasis", "notificationsSent", "registerEntries", "careTeam")) {
            assertThat(sections.has(section)).as(section).isTrue();
        }
        // Other people's details: none of them anywhere in the part.
        assertThat(response.text()).doesNotContain("Hester", "hester.quince@example.org", "Priya Shah",
                "01225 000000", KEY_PROFESSIONAL, REFERRER, Journeys.DSR_TEAM_MEMBER);
        assertThat(part.get("redacted").findValuesAsText("section")).contains("contacts", "keyProfessionals",
                "accessLog");

        assertThat(trailOf(personId)).contains(
                Journeys.DSR_LEAD + " READ subject access part (referral-service) SUBJECT_ACCESS_REQUEST ALLOWED");
    }
}
