package org.opendsr.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opendsr.referral.ApiProblems.assertProblem;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.TestTokens;

/**
 * The referrer's loops of issue 15 through the API, the broker and the local mailbox: the outcome to a professional
 * referrer (at the e-mail their token gave at intake) with the reason in plain words and the area's signposting; a
 * self or family referrer's acknowledgement, outcome and status on request, with the crisis line; the worklist of
 * outcomes not told and "told another way"; meeting-service's feedback-due to the referrer.
 */
@MicronautTest(transactional = false)
class ReferrerOutcomesApiTest extends NotifierUnderTest {

    private static final String REFERRER = "outcomes.referrer@swindon-ld.example";
    private static final String REFERRER_EMAIL = "sam.patel@swindon-ld.example";
    private static final String CRISIS = "If you or someone else needs help now, call NHS 111 and select option 2"
            + " (mental health crisis), or call 999 in an emergency.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private String referrer;
    private String referrerWithoutEmail;
    private String swindonTeam;
    private String wiltshireTeam;
    private String lead;


    @BeforeAll
    void signIn() {
        referrer = TestTokens.get().tokenFor(REFERRER, List.of(DsrRoles.PROFESSIONAL),
                Map.of("email", REFERRER_EMAIL), Duration.ofHours(1));
        referrerWithoutEmail = TestTokens.get().tokenFor("outcomes.no-email@example.nhs", DsrRoles.PROFESSIONAL);
        swindonTeam = TestTokens.get().tokenFor("outcomes.swindon.team@bsw-icb.example", List.of(DsrRoles.DSR_TEAM),
                Map.of("areas", List.of("SWINDON")), Duration.ofHours(1));
        wiltshireTeam = TestTokens.get().tokenFor("outcomes.wiltshire.team@bsw-icb.example",
                List.of(DsrRoles.DSR_TEAM), Map.of("areas", List.of("WILTSHIRE")), Duration.ofHours(1));
        lead = TestTokens.get().tokenFor("outcomes.lead@bsw-icb.example", DsrRoles.DSR_LEAD);
    }

    private List<JsonNode> mailboxOf(String personId, String template, int expected) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                messages(personId, template).size() >= expected);
        return messages(personId, template);
    }

    private List<JsonNode> messages(String personId, String template) {
        List<JsonNode> found = new ArrayList<>();
        api.get("/local-mailbox?personId=" + personId, journeys.dsrTeam()).json().get("items").forEach(message -> {
            if (message.get("template").asText().equals(template)) {
                found.add(message);
            }
        });
        return found;
    }

    private static JsonNode fields(Map<String, String> fields) {
        return JSON.valueToTree(fields);
    }

    private String declined(String token, String reason, Map<String, Object> criteria) {
        JsonNode receipt = journeys.refer(token, ReferralRequests.aReferralOfSomeoneNew());
        String referralId = receipt.get("referralId").asText();
        journeys.contact(referralId);
        ApiResponse declined = api.post("/referrals/" + referralId + "/declinal", journeys.dsrTeam(),
                Map.of("reason", reason, "criteria", criteria));
        assertThat(declined.status()).as(declined.text()).isEqualTo(200);
        return receipt.get("personId").asText();
    }

    @Test
    void theProfessionalReferrerIsToldTheReferralWasAcceptedAtTheirWorkEmail() {
        ReferralRequests referral = ReferralRequests.aReferralOfSomeoneNew();
        Journeys.OnRegister onRegister = journeys.putOnRegister(referrer, referral);

        List<JsonNode> told = mailboxOf(onRegister.personId(), "referral-outcome-referrer-email", 1);
        assertThat(told).hasSize(1);
        assertThat(told.get(0).get("recipient").asText()).isEqualTo("REFERRER");
        assertThat(told.get(0).get("channel").asText()).isEqualTo("EMAIL");
        assertThat(told.get(0).get("sentTo").asText()).isEqualTo(REFERRER_EMAIL);
        assertThat(told.get(0).get("personalisation")).isEqualTo(fields(Map.of("name", "",
                "person_name", referral.get("givenName") + " Brackenbury-Quince", "accepted", "yes",
                "outcome", "accepted", "decided_on", readable(LocalDate.now(java.time.ZoneId.of("Europe/London"))),
                "reason", "", "signposting", "")));
        // Nothing of it on the notification queue but codes and dates.
        assertThat(database.column("SELECT facts::text FROM notification WHERE person_id = ?::uuid"
                + " AND message = 'REFERRAL_OUTCOME'", onRegister.personId()).get(0))
                .doesNotContain(REFERRER_EMAIL).doesNotContain((String) referral.get("givenName"));
    }

    @Test
    void aDeclineForAnEhcpSignpostsTheAreasSendService() {
        String personId = declined(referrer, "MAIN_NEED_IS_AN_EHCP", Journeys.ALL_CRITERIA_MET);

        JsonNode told = mailboxOf(personId, "referral-outcome-referrer-email", 1).get(0);
        assertThat(told.at("/personalisation/accepted").asText()).isEqualTo("no");
        assertThat(told.at("/personalisation/outcome").asText()).isEqualTo("not accepted");
        assertThat(told.at("/personalisation/reason").asText()).isEqualTo(
                "the DSR is not the right service when the main problem is getting an EHCP (education, health and"
                        + " care plan)");
        // Swindon's own text; a professional referrer is not given the crisis line.
        assertThat(told.at("/personalisation/signposting").asText()).isEqualTo("Questions about an education,"
                + " health and care plan (EHCP) go to Swindon Borough Council's SEND service (search \"Swindon Local"
                + " Offer\").");
    }

    @Test
    void aSelfOrFamilyReferrerIsToldItArrivedItsStatusOnRequestAndItsOutcomeWithTheCrisisLine() {
        ApiResponse taken = api.post("/referrals/self-or-family", journeys.dsrTeam(), Map.of(
                "givenName", "Tegen" + TestNames.suffix(), "familyName", "Trevithick", "postcode", "SN1 1AA",
                "phone", "07700 900321", "reasonForReferral", "Our daughter is struggling at home",
                "madeBy", Map.of("relationship", "PARENT_OR_CARER", "name", "Morwenna Trevithick",
                        "hasParentalResponsibility", true)));
        assertThat(taken.status()).as(taken.text()).isEqualTo(201);
        String referralId = taken.json().get("referralId").asText();
        String personId = taken.json().get("personId").asText();
        String firstContactBy = readable(LocalDate.parse(taken.json().get("firstContactDueOn").asText()));

        JsonNode acknowledged = mailboxOf(personId, "referral-received-person-sms", 1).get(0);
        assertThat(acknowledged.get("recipient").asText()).isEqualTo("REPRESENTATIVE");
        assertThat(acknowledged.get("sentTo").asText()).isEqualTo("07700 900321");
        assertThat(acknowledged.get("personalisation").get("name").asText()).isEqualTo("Morwenna Trevithick");
        assertThat(acknowledged.at("/personalisation/first_contact_by").asText()).isEqualTo(firstContactBy);
        assertThat(acknowledged.at("/personalisation/signposting").asText()).isEqualTo(CRISIS);

        ApiResponse completed = api.post("/referrals/" + referralId + "/completion", journeys.dsrTeam(), Map.of(
                "dateOfBirth", LocalDate.now().minusYears(12).toString(), "locality", "SWINDON",
                "diagnosis", "AUTISM", "reasonForReferral", "Family asking for help",
                "currentIssues", "Distress at home", "indicativeRag", "AMBER"));
        assertThat(completed.status()).as(completed.text()).isEqualTo(200);

        // The status on request: the DSR team of the area or a lead; nobody else.
        assertThat(api.post("/referrals/" + referralId + "/status-message", referrer, Map.of()).status())
                .isEqualTo(403);
        assertThat(api.post("/referrals/" + referralId + "/status-message", wiltshireTeam, Map.of()).status())
                .isIn(403, 404);
        ApiResponse asked = api.post("/referrals/" + referralId + "/status-message", swindonTeam, Map.of());
        assertThat(asked.status()).as(asked.text()).isEqualTo(202);
        assertThat(asked.json().get("recipient").asText()).isEqualTo("REPRESENTATIVE");
        JsonNode status = mailboxOf(personId, "referral-status-person-sms", 1).get(0);
        assertThat(status.get("personalisation")).isEqualTo(fields(Map.of("name", "Morwenna Trevithick",
                "person_name", taken.json().path("givenName").asText(status.at("/personalisation/person_name")
                        .asText()),
                "status", "we have your referral and a member of the DSR team will be in touch",
                "received_on", status.at("/personalisation/received_on").asText(),
                "first_contact_by", firstContactBy, "signposting", CRISIS)));
        assertThat(api.post("/referrals/" + referralId + "/status-message", lead, Map.of()).status())
                .isEqualTo(202);

        journeys.contact(referralId);
        ApiResponse declined = api.post("/referrals/" + referralId + "/declinal", journeys.dsrTeam(),
                Map.of("reason", "NEEDS_DIRECT_HELP_OR_EMERGENCY_RESPONSE", "criteria", Journeys.ALL_CRITERIA_MET));
        assertThat(declined.status()).as(declined.text()).isEqualTo(200);
        JsonNode outcome = mailboxOf(personId, "referral-outcome-person-sms", 1).get(0);
        assertThat(outcome.get("recipient").asText()).isEqualTo("REPRESENTATIVE");
        assertThat(outcome.at("/personalisation/reason").asText())
                .isEqualTo("the DSR does not give direct help or respond to emergencies");
        assertThat(outcome.at("/personalisation/signposting").asText()).isEqualTo("For help now, contact the"
                + " person's GP, their care team or the local community learning disability team. In a crisis call"
                + " NHS 111 and select option 2; in an emergency call 999. " + CRISIS);
    }

    @Test
    void aStatusMessageIsForSelfAndFamilyReferralsOnly() {
        String referralId = journeys.refer(referrer, ReferralRequests.aReferralOfSomeoneNew()).get("referralId")
                .asText();
        assertProblem(api.post("/referrals/" + referralId + "/status-message", swindonTeam, Map.of()), 409,
                "urn:dsr:problem:status-message-for-self-or-family-referrals");
        assertThat(api.post("/referrals/" + UUID.randomUUID() + "/status-message", swindonTeam, Map.of()).status())
                .isEqualTo(404);
        for (String role : List.of(DsrRoles.PROFESSIONAL, DsrRoles.ANALYST, DsrRoles.AGENCY_SYSTEM, DsrRoles.ADMIN)) {
            String token = TestTokens.get().tokenFor("outcomes-status-" + role, role);
            assertThat(api.post("/referrals/" + referralId + "/status-message", token, Map.of()).status()).as(role)
                    .isEqualTo(403);
        }
        // The referrer themself (in the care team from first contact) is not the DSR team either.
        assertThat(api.post("/referrals/" + referralId + "/status-message", referrer, Map.of()).status())
                .isEqualTo(403);
    }

    @Test
    void anOutcomeThatCannotReachTheReferrerIsOnTheAreasWorklistUntilTheyAreToldAnotherWay() {
        // This referrer's token gave no e-mail: the outcome can never go, so it is on the worklist at once.
        String personId = declined(referrerWithoutEmail, "WANTS_TO_SKIP_WAITING_LIST", Journeys.ALL_CRITERIA_MET);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                line(swindonTeam, personId) != null);
        JsonNode line = line(swindonTeam, personId);
        assertThat(line.get("outcome").asText()).isEqualTo("DECLINED");
        assertThat(line.get("area").asText()).isEqualTo("SWINDON");
        assertThat(line.get("messageStatus").asText()).isEqualTo("FAILED_PERMANENT");
        assertThat(line.get("failureReason").asText()).isEqualTo("NO_EMAIL_FOR_REFERRER");
        assertThat(line.get("recipient").asText()).isEqualTo("REFERRER");
        assertThat(line.get("late").asBoolean()).isFalse();
        assertThat(LocalDate.parse(line.get("dueOn").asText())).isAfter(LocalDate.now().minusDays(1));
        String referralId = line.get("referralId").asText();
        assertThat(line(lead, personId)).isNotNull();
        assertThat(line(wiltshireTeam, personId)).isNull();

        for (String role : List.of(DsrRoles.PROFESSIONAL, DsrRoles.ANALYST, DsrRoles.AGENCY_SYSTEM, DsrRoles.ADMIN)) {
            String token = TestTokens.get().tokenFor("outcomes-" + role, role);
            assertThat(api.get("/worklists/referral-outcomes-untold", token).status()).as(role).isEqualTo(403);
            assertThat(api.post("/worklists/referral-outcomes-untold/" + referralId + "/told", token,
                    Map.of("how", "PHONE")).status()).as(role).isEqualTo(403);
        }
        assertThat(api.post("/worklists/referral-outcomes-untold/" + referralId + "/told", wiltshireTeam,
                Map.of("how", "PHONE")).status()).isEqualTo(404);
        assertThat(api.post("/worklists/referral-outcomes-untold/" + UUID.randomUUID() + "/told", swindonTeam,
                Map.of("how", "PHONE")).status()).isEqualTo(404);
        ApiResponse noWay = api.post("/worklists/referral-outcomes-untold/" + referralId + "/told", swindonTeam,
                Map.of());
        assertThat(noWay.status()).as(noWay.text()).isEqualTo(400);
        assertThat(noWay.text()).contains("how");

        ApiResponse told = api.post("/worklists/referral-outcomes-untold/" + referralId + "/told", swindonTeam,
                Map.of("how", "PHONE"));
        assertThat(told.status()).as(told.text()).isEqualTo(200);
        assertThat(told.json().get("how").asText()).isEqualTo("PHONE");
        assertThat(told.json().get("toldBy").asText()).isEqualTo("outcomes.swindon.team@bsw-icb.example");
        assertThat(line(swindonTeam, personId)).isNull();
        // The same again changes nothing; another way is a conflict.
        ApiResponse again = api.post("/worklists/referral-outcomes-untold/" + referralId + "/told", lead,
                Map.of("how", "PHONE"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("toldBy").asText()).isEqualTo("outcomes.swindon.team@bsw-icb.example");
        assertProblem(api.post("/worklists/referral-outcomes-untold/" + referralId + "/told", swindonTeam,
                Map.of("how", "IN_PERSON")), 409, "urn:dsr:problem:referrer-already-told");
        assertThat(database.count("SELECT count(*) FROM dsr_kit.audit_entry WHERE person_id = ?::uuid AND what LIKE ?",
                personId, "%told to the referrer another way: PHONE")).isOne();
    }

    @Test
    void anOutcomeForSomeoneWhoLivesOutOfAreaIsEveryTeamsToTell() {
        JsonNode receipt = journeys.refer(referrerWithoutEmail, ReferralRequests.aReferralOfSomeoneNew());
        String referralId = receipt.get("referralId").asText();
        String personId = receipt.get("personId").asText();
        journeys.contact(referralId);
        // They live outside the ICB's area after all: the person belongs to no area's team.
        ApiResponse moved = api.put("/people/" + personId + "/address", journeys.dsrTeam(), Map.of(
                "line1", "4 Example Lane", "town", "Reading", "postcode", "RG1 1AA", "locality", "OUT_OF_AREA"));
        assertThat(moved.status()).as(moved.text()).isEqualTo(204);
        ApiResponse declined = api.post("/referrals/" + referralId + "/declinal", journeys.dsrTeam(), Map.of(
                "reason", "LIVES_OUT_OF_AREA", "criteria", Map.of("learningDisabilityOrAutism", true,
                        "atRiskOfAdmissionOrPlacementBreakdown", true, "livesInIcbArea", false)));
        assertThat(declined.status()).as(declined.text()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                line(wiltshireTeam, personId) != null);
        assertThat(line(wiltshireTeam, personId).get("area").asText()).isEqualTo("OUT_OF_AREA");
        assertThat(line(swindonTeam, personId)).isNotNull();
        // Told before the referral was even decided: refused, naming the field.
        ApiResponse tooEarly = api.post("/worklists/referral-outcomes-untold/" + referralId + "/told", wiltshireTeam,
                Map.of("how", "PHONE", "toldAt", "2020-01-06T10:00:00Z"));
        assertThat(tooEarly.status()).as(tooEarly.text()).isEqualTo(400);
        assertThat(tooEarly.json().get("errors").findValuesAsText("field")).containsExactly("toldAt");
        ApiResponse told = api.post("/worklists/referral-outcomes-untold/" + referralId + "/told", wiltshireTeam,
                Map.of("how", "PHONE"));
        assertThat(told.status()).as(told.text()).isEqualTo(200);
        assertThat(line(swindonTeam, personId)).isNull();
    }

    @Test
    void aLateOutcomeStillBeingTriedIsOnTheWorklistAsLate() {
        String personId = declined(referrerWithoutEmail, "OTHER", Journeys.ALL_CRITERIA_MET);
        // The sender (every 200 ms here) settles the message first (no e-mail: it fails): an attempt in flight would
        // otherwise overwrite the state set below.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> database.count(
                "SELECT count(*) FROM notification WHERE person_id = ?::uuid AND message = 'REFERRAL_OUTCOME'"
                        + " AND settled_at IS NOT NULL", personId) == 1);
        // As if decided long ago and its message still being tried.
        database.count("WITH changed AS (UPDATE referral_outcome_to_tell SET due_on = DATE '2026-01-05'"
                + " WHERE person_id = ?::uuid RETURNING 1) SELECT count(*) FROM changed", personId);
        database.count("WITH changed AS (UPDATE notification SET status = 'PENDING', next_attempt_at ="
                + " now() + interval '1 day', settled_at = NULL WHERE person_id = ?::uuid"
                + " AND message = 'REFERRAL_OUTCOME' RETURNING 1) SELECT count(*) FROM changed", personId);
        JsonNode line = line(swindonTeam, personId);
        assertThat(line).isNotNull();
        assertThat(line.get("late").asBoolean()).isTrue();
        assertThat(line.get("dueOn").asText()).isEqualTo("2026-01-05");
        assertThat(line.get("messageStatus").asText()).isEqualTo("PENDING");
    }

    @Test
    void theReferrerHearsAMeetingDiscussedThePersonWithoutItsContent() {
        Journeys.OnRegister onRegister = journeys.putOnRegister(referrer, ReferralRequests.aReferralOfSomeoneNew());
        ObjectNode feedback = EventsOnTopics.goldenSample(EventTypes.MEETING_FEEDBACK_DUE_V1,
                data -> data.put("personId", onRegister.personId()));
        String eventId = UUID.randomUUID().toString();
        feedback.put("id", eventId);
        feedback.put("subject", onRegister.personId());
        events.send(Topics.MEETING_EVENTS, onRegister.personId(), EventsOnTopics.bytes(feedback));
        events.send(Topics.MEETING_EVENTS, onRegister.personId(), EventsOnTopics.bytes(feedback));
        database.awaitHandled("referral-service.meeting-notifications", eventId);

        List<JsonNode> told = mailboxOf(onRegister.personId(), "meeting-feedback-due-referrer-email", 1);
        assertThat(told).hasSize(1);
        assertThat(told.get(0).get("sentTo").asText()).isEqualTo(REFERRER_EMAIL);
        assertThat(told.get(0).at("/personalisation/feedback_due_on").asText()).isEqualTo("16 November 2026");
        assertThat(told.get(0).get("personalisation").size()).isEqualTo(3);
        assertThat(database.count("SELECT count(*) FROM notification WHERE source_event_id = ?", eventId)).isOne();
    }

    private JsonNode line(String token, String personId) {
        ApiResponse listed = api.get("/worklists/referral-outcomes-untold?limit=100", token);
        assertThat(listed.status()).as(listed.text()).isEqualTo(200);
        for (JsonNode line : listed.json().get("items")) {
            if (personId.equals(line.get("personId").asText())) {
                return line;
            }
        }
        return null;
    }

    private static String readable(LocalDate date) {
        return date.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK));
    }
}
