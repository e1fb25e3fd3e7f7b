package org.opendsr.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendsr.referral.ApiProblems.UNREADABLE;
import static org.opendsr.referral.ApiProblems.assertProblem;
import static org.opendsr.referral.ApiProblems.assertProblemNaming;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.contracts.EventCatalogue;
import org.opendsr.contracts.EventTypes;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.TestTokens;

/**
 * The retention and erasure API (issue 16): a lead's alone, for every other role 403 whoever the person is (a
 * professional in the person's care team or not, the DSR team of their area or another, analysts, agency systems,
 * admins); a lead erases a record on an erasure request with an Article 17(1) ground, in one go, once, and never
 * while the DSR still works with the person (409, nothing changed, the attempt audited); bad input is problem+json
 * naming the field; a confirmation about a personId with no erasure here is kept, never dead-lettered.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetentionApiTest extends ReferralServiceUnderTest {

    private static final String REFERRER = "jo.ashdown@swindon-cldt.example";
    private static final Map<String, Object> NOT_AT_RISK = Map.of("reason", "NOT_AT_RISK_OF_ADMISSION",
            "criteria", Map.of("learningDisabilityOrAutism", true, "atRiskOfAdmissionOrPlacementBreakdown", false,
                    "livesInIcbArea", true));

    private String referrer;
    private String lead;
    private final Map<String, String> notLeads = new LinkedHashMap<>();

    @BeforeAll
    void signIn() {
        referrer = TestTokens.get().tokenFor(REFERRER, DsrRoles.PROFESSIONAL);
        lead = journeys.dsrLead();
        notLeads.put("professional in the care team", referrer);
        notLeads.put("professional outside it", TestTokens.get().tokenFor("lee.outside@swindon-cldt.example",
                DsrRoles.PROFESSIONAL));
        notLeads.put("DSR team of the area", TestTokens.get().tokenFor("swindon.team@bsw-icb.example",
                List.of(DsrRoles.DSR_TEAM), Map.of("areas", List.of("SWINDON")), Duration.ofHours(1)));
        notLeads.put("DSR team of another area", TestTokens.get().tokenFor("wiltshire.team@bsw-icb.example",
                List.of(DsrRoles.DSR_TEAM), Map.of("areas", List.of("WILTSHIRE")), Duration.ofHours(1)));
        notLeads.put("analyst", TestTokens.get().tokenFor("ana.lyst@bsw-icb.example", DsrRoles.ANALYST));
        notLeads.put("agency system", TestTokens.get().tokenFor("wiltshire-council", DsrRoles.AGENCY_SYSTEM));
        notLeads.put("admin", TestTokens.get().tokenFor("ops@bsw-icb.example", DsrRoles.ADMIN));
    }

    private JsonNode referred() {
        JsonNode receipt = journeys.refer(referrer, ReferralRequests.aReferralOfSomeoneNew());
        journeys.contact(receipt.get("referralId").asText());
        return receipt;
    }

    private String declined() {
        JsonNode receipt = referred();
        ApiResponse declined = api.post("/referrals/" + receipt.get("referralId").asText() + "/declinal",
                journeys.dsrTeam(), NOT_AT_RISK);
        assertThat(declined.status()).as(declined.text()).isEqualTo(200);
        return receipt.get("personId").asText();
    }

    /** Refused by role, before anything is looked up: the same answer whoever the person is (no oracle). */
    private static void assertForbidden(ApiResponse response, String role) {
        assertThat(response.status()).as(role + ": " + response.text()).isEqualTo(403);
        assertThat(response.contentType()).as(role).startsWith("application/problem+json");
    }

    private long people(String personId) {
        return database.count("SELECT count(*) FROM person WHERE id = ?::uuid", personId);
    }

    @Test
    void onlyALeadRunsTheRulesErasesOrSeesTheErasures() {
        String personId = declined();

        notLeads.forEach((role, token) -> {
            assertForbidden(api.post("/retention/runs", token, Map.of()), role);
            assertForbidden(api.get("/retention/runs", token), role);
            assertForbidden(api.post("/people/" + personId + "/erasure", token, Map.of("reason", "CONSENT_WITHDRAWN")),
                    role);
            assertForbidden(api.get("/erasures", token), role);
        });
        assertThat(people(personId)).as("nobody but a lead erased them").isOne();
        assertThat(api.get("/retention/runs", null).status()).isEqualTo(401);

        ApiResponse run = api.post("/retention/runs", lead, Map.of());
        assertThat(run.status()).as(run.text()).isEqualTo(200);
        assertThat(run.json().get("archived").asInt()).as("nothing ended six months ago").isZero();
        ApiResponse runs = api.get("/retention/runs", lead);
        assertThat(runs.status()).as(runs.text()).isEqualTo(200);
        assertThat(runs.json().get(0).get("runId").asText()).isEqualTo(run.json().get("runId").asText());
        assertThat(runs.json().get(0).get("triggeredBy").asText()).isEqualTo(Journeys.DSR_LEAD);
        assertThat(api.get("/erasures", lead).status()).isEqualTo(200);
    }

    @Test
    void aLeadErasesARecordOnAnErasureRequestOnceAndEveryOtherServiceIsTold() {
        String personId = declined();
        List<UUID> linked = new ArrayList<>();
        database.column("SELECT id::text FROM referral WHERE person_id = ?::uuid", personId)
                .forEach(id -> linked.add(UUID.fromString(id)));

        ApiResponse erased = api.post("/people/" + personId + "/erasure", lead, Map.of("reason", "CONSENT_WITHDRAWN"));

        assertThat(erased.status()).as(erased.text()).isEqualTo(200);
        assertThat(erased.json().get("grounds").asText()).isEqualTo("ERASURE_REQUEST");
        assertThat(erased.json().get("requestGround").asText()).isEqualTo("CONSENT_WITHDRAWN");
        assertThat(erased.json().get("erasedBy").asText()).isEqualTo(Journeys.DSR_LEAD);
        assertThat(erased.json().get("complete").asBoolean()).isFalse();
        assertThat(erased.json().get("waitingFor").size()).isEqualTo(4);
        assertThat(PersonalDataLeft.tablesHolding(databaseUrl, databaseUser, databasePassword,
                UUID.fromString(personId), linked)).isEmpty();
        JsonNode event = events.awaitEvent(EventTypes.PERSON_ERASED_V1, personId);
        assertThat(event.get("grounds").asText()).isEqualTo("ERASURE_REQUEST");
        assertThat(database.count("SELECT count(*) FROM dsr_kit.audit_entry WHERE person_id = ?::uuid"
                + " AND action = 'ERASED' AND purpose = 'ERASURE_REQUEST' AND actor = ?", personId, Journeys.DSR_LEAD))
                .isOne();

        ApiResponse again = api.post("/people/" + personId + "/erasure", lead, Map.of("reason", "OBJECTION"));
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.json().get("erasedAt").asText()).isEqualTo(erased.json().get("erasedAt").asText());
        assertThat(again.json().get("requestGround").asText()).as("the erasure already made").isEqualTo("CONSENT_WITHDRAWN");
        assertThat(database.outboxEvents(EventTypes.PERSON_ERASED_V1, personId)).isOne();
    }

    @Test
    void aRecordIsNotErasedWhileAReferralWaitsForItsOutcomeOrThePersonIsOnTheRegister() {
        String inHand = referred().get("personId").asText();
        assertProblem(api.post("/people/" + inHand + "/erasure", lead, Map.of("reason", "CONSENT_WITHDRAWN")), 409,
                "urn:dsr:problem:referral-in-hand");
        assertThat(people(inHand)).isOne();
        assertThat(database.outboxEvents(EventTypes.PERSON_ERASED_V1, inHand)).isZero();
        assertThat(database.count("SELECT count(*) FROM dsr_kit.audit_entry WHERE person_id = ?::uuid"
                + " AND what = 'erasure' AND outcome = 'REFUSED'", inHand)).isOne();

        String onRegister = journeys.putOnRegister(referrer, ReferralRequests.aReferralOfSomeoneNew()).personId();
        assertProblem(api.post("/people/" + onRegister + "/erasure", lead, Map.of("reason", "OBJECTION")), 409,
                "urn:dsr:problem:person-on-register");
        assertThat(people(onRegister)).isOne();
    }

    @Test
    void badInputIsProblemJsonNamingTheField() {
        String personId = declined();
        assertProblemNaming(api.post("/people/" + personId + "/erasure", lead, Map.of()), "reason");
        assertProblemNaming(api.post("/people/" + personId + "/erasure", lead, Map.of("reason", "BECAUSE")),
                UNREADABLE + "reason");
        assertThat(people(personId)).isOne();
        assertProblem(api.post("/people/" + UUID.randomUUID() + "/erasure", lead, Map.of("reason", "OBJECTION")), 404,
                "urn:dsr:problem:not-found");
        assertProblemNaming(api.get("/erasures?after=yesterday", lead), "after");
        assertProblemNaming(api.get("/erasures?limit=0", lead), "limit");
        assertProblemNaming(api.get("/retention/runs?limit=1000", lead), "limit");
    }

    @Test
    void aConfirmationAboutAPersonIdWithNoErasureHereIsKeptNotDeadLettered() {
        String personId = UUID.randomUUID().toString();
        var event = EventsOnTopics.goldenSample(EventTypes.RISK_ERASURE_CONFIRMED_V1, data -> {
            data.put("personId", personId);
            data.put("service", "risk-service");
        });
        event.put("subject", personId);
        events.send(EventCatalogue.of(EventTypes.RISK_ERASURE_CONFIRMED_V1).topic(), personId,
                EventsOnTopics.bytes(event));
        database.awaitHandled("referral-service.erasure-confirmations", event.get("id").asText());

        assertThat(database.count("SELECT count(*) FROM erasure_confirmation WHERE person_id = ?::uuid"
                + " AND service = 'risk-service'", personId)).isOne();
        // The same confirmation again (a redelivery with a new id) changes nothing.
        event.put("id", UUID.randomUUID().toString());
        events.send(EventCatalogue.of(EventTypes.RISK_ERASURE_CONFIRMED_V1).topic(), personId,
                EventsOnTopics.bytes(event));
        database.awaitHandled("referral-service.erasure-confirmations", event.get("id").asText());
        assertThat(database.count("SELECT count(*) FROM erasure_confirmation WHERE person_id = ?::uuid", personId))
                .isOne();
    }
}
