package org.opendsr.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opendsr.referral.ApiProblems.assertProblem;
import static org.opendsr.referral.ApiProblems.assertProblemNaming;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.TestTokens;

/**
 * Restriction of processing (UK GDPR Article 18) and the record of objections (Article 21), kept by the DSR team of
 * the person's area and leads: audited, published, shown on the record and the listings, and a restriction withholds
 * a message already queued.
 */
@MicronautTest(transactional = false)
class DataSubjectRightsApiTest extends ReferralServiceUnderTest {

    private static final String REFERRER = "sam.patel@swindon-cldt.example";

    private String referrer;

    @BeforeAll
    void signIn() {
        referrer = TestTokens.get().tokenFor(REFERRER, DsrRoles.PROFESSIONAL);
    }

    private ApiResponse restrict(String personId, String token, boolean restricted, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("restricted", restricted);
        body.put("reason", reason);
        return api.put("/people/" + personId + "/processing-restriction", token, body);
    }

    private ApiResponse object(String personId, String token, Map<String, Object> body) {
        return api.post("/people/" + personId + "/objections", token, body);
    }

    @Test
    void aRestrictionIsPublishedShownEverywhereAuditedAndLifted() {
        Journeys.OnRegister person = journeys.putOnRegister(referrer, ReferralRequests.aReferralOfSomeoneNew());

        ApiResponse restricted = restrict(person.personId(), journeys.dsrTeam(), true, "Accuracy contested");

        assertThat(restricted.status()).as(restricted.text()).isEqualTo(200);
        assertThat(restricted.json().get("restricted").asBoolean()).isTrue();
        JsonNode event = events.awaitEvent(EventTypes.PERSON_PROCESSING_RESTRICTED_V1, person.personId());
        assertThat(event.get("restricted").asBoolean()).isTrue();
        assertThat(event.toString()).doesNotContain("Accuracy contested");
        assertThat(journeys.person(person.personId()).get("processingRestricted").asBoolean()).isTrue();
        assertThat(api.get("/people/" + person.personId(), referrer).json().get("processingRestricted").asBoolean())
                .as("the care team sees it too").isTrue();
        assertThat(api.get("/referrals/" + person.referralId(), journeys.dsrTeam()).json()
                .at("/person/processingRestricted").asBoolean()).as("on the referral's person too").isTrue();
        JsonNode line = null;
        for (JsonNode item : api.get("/register?limit=100", journeys.dsrLead()).json().get("items")) {
            if (person.personId().equals(item.get("personId").asText())) {
                line = item;
            }
        }
        if (line != null) { // the listing pages by name; other tests' people may push this one past the page
            assertThat(line.get("processingRestricted").asBoolean()).isTrue();
        }
        assertThat(restrict(person.personId(), journeys.dsrLead(), true, "Objection being considered").status())
                .isEqualTo(200);
        assertThat(database.outboxEvents(EventTypes.PERSON_PROCESSING_RESTRICTED_V1, person.personId()))
                .as("announced when it changes, not again").isEqualTo(1);

        assertThat(restrict(person.personId(), journeys.dsrTeam(), false, null).status()).isEqualTo(200);
        assertThat(database.outboxEvents(EventTypes.PERSON_PROCESSING_RESTRICTED_V1, person.personId())).isEqualTo(2);
        assertThat(journeys.person(person.personId()).get("processingRestricted").asBoolean()).isFalse();
        List<String> trail = new ArrayList<>();
        api.get("/people/" + person.personId() + "/audit", journeys.dsrLead()).json().get("items")
                .forEach(entry -> trail.add(entry.get("action").asText() + " " + entry.get("what").asText()));
        assertThat(trail).filteredOn(entry -> entry.equals("CHANGED processing restriction")).hasSize(3);
    }

    @Test
    void aRestrictionWithholdsAMessageAlreadyQueued() {
        Journeys.OnRegister person = journeys.putOnRegister(referrer, ReferralRequests.aReferralOfSomeoneNew()
                .with("contacts", List.of(Map.of("relationship", "PARENT_OR_CARER", "name", "Hester Quince",
                        "email", "hester.quince@example.org", "hasParentalResponsibility", true))));
        String consentId = journeys.recordConsent(person.personId(), "RENEWAL_DUE");
        ObjectNode reminder = EventsOnTopics.goldenSample(EventTypes.CONSENT_REMINDER_DUE_V1,
                data -> data.put("consentId", consentId));
        String eventId = UUID.randomUUID().toString();
        reminder.put("id", eventId);
        events.publishConsentEvent(reminder, person.personId());
        database.awaitHandled("referral-service.notifications", eventId);
        // Queued and held back while the restriction is recorded, then due: the sender decides as the record is now.
        assertThat(database.update("UPDATE notification SET next_attempt_at = now() + interval '1 hour'"
                + " WHERE person_id = ?::uuid AND status = 'PENDING'", person.personId())).isPositive();

        assertThat(restrict(person.personId(), journeys.dsrTeam(), true, "Accuracy contested").status())
                .isEqualTo(200);
        database.update("UPDATE notification SET next_attempt_at = now() WHERE person_id = ?::uuid"
                + " AND status = 'PENDING'", person.personId());

        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200)).until(() -> database.count(
                "SELECT count(*) FROM notification WHERE person_id = ?::uuid AND status = 'PENDING'",
                person.personId()) == 0);
        assertThat(database.count("SELECT count(*) FROM notification WHERE person_id = ?::uuid"
                + " AND (status <> 'WITHHELD' OR failure_reason <> 'PROCESSING_RESTRICTED')", person.personId()))
                .isZero();
        assertThat(database.count("SELECT count(*) FROM local_mailbox WHERE person_id = ?::uuid",
                person.personId())).isZero();

        // Queued while restricted: withheld at once.
        String later = UUID.randomUUID().toString();
        reminder.put("id", later);
        events.publishConsentEvent(reminder, person.personId());
        database.awaitHandled("referral-service.notifications", later);
        assertThat(database.count("SELECT count(*) FROM notification WHERE person_id = ?::uuid"
                + " AND status <> 'WITHHELD'", person.personId())).isZero();
    }

    @Test
    void objectionsAreRecordedDecidedListedAndAudited() {
        Journeys.OnRegister person = journeys.putOnRegister(referrer, ReferralRequests.aReferralOfSomeoneNew());
        String today = LocalDate.now().toString();

        ApiResponse recorded = object(person.personId(), journeys.dsrTeam(), Map.of("receivedOn", today,
                "objectsTo", "SHARING_WITH_AGENCIES", "details", "Does not want the school told"));
        ApiResponse decidedAtOnce = object(person.personId(), journeys.dsrLead(), Map.of("receivedOn", today,
                "objectsTo", "USE_IN_REPORTING", "decision", "NOT_UPHELD"));

        assertThat(recorded.status()).as(recorded.text()).isEqualTo(201);
        assertThat(recorded.json().get("decision").isNull()).isTrue();
        assertThat(decidedAtOnce.status()).as(decidedAtOnce.text()).isEqualTo(201);
        assertThat(decidedAtOnce.json().get("decidedBy").asText()).isEqualTo(Journeys.DSR_LEAD);
        String objectionId = recorded.json().get("objectionId").asText();
        ApiResponse decided = api.post("/people/" + person.personId() + "/objections/" + objectionId + "/decision",
                journeys.dsrTeam(), Map.of("decision", "UPHELD"));
        assertThat(decided.status()).as(decided.text()).isEqualTo(200);
        assertThat(decided.json().get("decidedBy").asText()).isEqualTo(Journeys.DSR_TEAM_MEMBER);
        assertProblem(api.post("/people/" + person.personId() + "/objections/" + objectionId + "/decision",
                journeys.dsrTeam(), Map.of("decision", "NOT_UPHELD")), 409,
                "urn:dsr:problem:objection-already-decided");

        JsonNode listed = api.get("/people/" + person.personId() + "/objections", journeys.dsrTeam()).json();
        assertThat(listed).hasSize(2);
        assertThat(listed).anyMatch(o -> "UPHELD".equals(o.get("decision").asText())
                && "Does not want the school told".equals(o.get("details").asText()));
        List<String> trail = new ArrayList<>();
        api.get("/people/" + person.personId() + "/audit", journeys.dsrLead()).json().get("items")
                .forEach(entry -> trail.add(entry.get("action").asText() + " " + entry.get("what").asText()));
        assertThat(trail).contains("CHANGED objection " + objectionId, "READ objections");
    }

    @Test
    void aBadRequestIsRefusedNamingTheFieldAndChangesNothing() {
        Journeys.OnRegister person = journeys.putOnRegister(referrer, ReferralRequests.aReferralOfSomeoneNew());
        String tomorrow = LocalDate.now().plusDays(1).toString();
        Map<String, Long> before = database.rowCounts();

        assertProblemNaming(restrict(person.personId(), journeys.dsrTeam(), true, " "), "reason");
        assertProblemNaming(api.put("/people/" + person.personId() + "/processing-restriction", journeys.dsrTeam(),
                Map.of("reason", "x")), "restricted");
        assertProblemNaming(object(person.personId(), journeys.dsrTeam(), Map.of("receivedOn", tomorrow,
                "objectsTo", "USE_IN_REPORTING")), "receivedOn");
        assertProblemNaming(object(person.personId(), journeys.dsrTeam(), Map.of("receivedOn", LocalDate.now()
                .toString(), "objectsTo", "EVERYTHING")), "objectsTo");
        assertProblemNaming(object(person.personId(), journeys.dsrTeam(), Map.of("receivedOn", LocalDate.now()
                .toString(), "objectsTo", "OTHER")), "details");
        assertProblemNaming(object(person.personId(), journeys.dsrTeam(), Map.of("receivedOn", LocalDate.now()
                .toString(), "objectsTo", "OTHER", "details", "x", "decision", "MAYBE")), "decision");
        assertProblemNaming(object(person.personId(), journeys.dsrTeam(), Map.of("objectsTo", "OTHER")),
                "receivedOn");

        assertThat(database.rowCounts()).isEqualTo(before);
    }

    @Test
    void onlyTheDsrTeamOfThePersonsAreaOrALeadMayRestrictOrRecordObjections() {
        Journeys.OnRegister person = journeys.putOnRegister(referrer, ReferralRequests.aReferralOfSomeoneNew());
        String id = person.personId();
        String outsider = TestTokens.get().tokenFor("alex.other@bath.example", DsrRoles.PROFESSIONAL);
        String wiltshireTeam = TestTokens.get().tokenFor("rights.wiltshire.team@bsw-icb.example",
                List.of(DsrRoles.DSR_TEAM), Map.of("areas", List.of("WILTSHIRE")), Duration.ofHours(1));
        Map<String, Object> objection = Map.of("receivedOn", LocalDate.now().toString(), "objectsTo",
                "CONTACT_FROM_THE_DSR");
        List<String> refusedAll = new ArrayList<>(List.of(referrer, outsider));
        for (String role : List.of(DsrRoles.ANALYST, DsrRoles.AGENCY_SYSTEM, DsrRoles.ADMIN)) {
            refusedAll.add(TestTokens.get().tokenFor("someone-" + role, role));
        }

        for (String token : refusedAll) {
            assertThat(restrict(id, token, true, "x").status()).isEqualTo(403);
            assertThat(api.get("/people/" + id + "/processing-restriction", token).status()).isEqualTo(403);
            assertThat(object(id, token, objection).status()).isEqualTo(403);
            assertThat(api.get("/people/" + id + "/objections", token).status()).isEqualTo(403);
            assertThat(api.get("/people/" + id + "/merge-conflicts", token).status()).isEqualTo(403);
        }
        assertThat(restrict(id, null, true, "x").status()).isEqualTo(401);
        assertProblem(restrict(id, wiltshireTeam, true, "x"), 404, "urn:dsr:problem:not-found");
        assertProblem(object(id, wiltshireTeam, objection), 404, "urn:dsr:problem:not-found");
        assertProblem(api.get("/people/" + id + "/objections", wiltshireTeam), 404, "urn:dsr:problem:not-found");
        assertProblem(restrict(UUID.randomUUID().toString(), journeys.dsrTeam(), true, "x"), 404,
                "urn:dsr:problem:not-found");
        assertThat(database.outboxEvents(EventTypes.PERSON_PROCESSING_RESTRICTED_V1, id)).isZero();
        assertThat(database.count("SELECT count(*) FROM objection WHERE person_id = ?::uuid", id)).isZero();

        assertThat(restrict(id, journeys.dsrTeam(), false, null).status()).isEqualTo(200);
        assertThat(object(id, journeys.dsrTeam(), objection).status()).isEqualTo(201);
        assertThat(api.get("/people/" + id + "/objections", journeys.dsrLead()).status()).isEqualTo(200);
        assertThat(api.get("/people/" + id + "/merge-conflicts", journeys.dsrTeam()).json()).isEmpty();
    }
}
