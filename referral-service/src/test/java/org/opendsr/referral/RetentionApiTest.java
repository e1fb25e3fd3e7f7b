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
    void aRecordCorrectedThenErasedLeavesNoNameDateOfBirthNhsNumberOrAddressInTheAuditTrail() {
        ReferralRequests request = ReferralRequests.aReferralOfSomeoneNew();
        JsonNode receipt = journeys.refer(referrer, request);
        String personId = receipt.get("personId").asText();
        String referralId = receipt.get("referralId").asText();
        journeys.contact(referralId);
        String oldGivenName = (String) request.get("givenName");
        String oldNhsNumber = ((String) request.get("nhsNumber")).replace(" ", "");
        String newGivenName = "Philippa" + TestNames.suffix();
        String newNhsNumber = TestNhsNumbers.next();
        String newLine1 = "17 Quarry Lane " + TestNames.suffix();
        // The record corrected: the audit keeps the values each change replaced and wrote (names, NHS numbers, the
        // date of birth, the address), encrypted with the person's audit key.
        ApiResponse identity = api.put("/people/" + personId + "/identity", journeys.dsrTeam(), Map.of(
                "givenName", newGivenName, "familyName", "Oyelaran-Whitcombe", "dateOfBirth", "2011-02-27",
                "nhsNumber", TestNhsNumbers.formatted(newNhsNumber)));
        assertThat(identity.status()).as(identity.text()).isEqualTo(204);
        ApiResponse moved = api.put("/people/" + personId + "/address", referrer, Map.of("line1", newLine1,
                "postcode", "BA2 7AY", "locality", "BATH_AND_NORTH_EAST_SOMERSET"));
        assertThat(moved.status()).as(moved.text()).isEqualTo(204);
        List<String> personal = List.of(oldGivenName, newGivenName, oldNhsNumber, newNhsNumber, newLine1,
                "Oyelaran-Whitcombe", "2011-02-27");

        assertThat(auditValuesHolding(personal)).as("encrypted at rest").isZero();
        JsonNode before = trailOf(personId);
        assertThat(changeOf(before, "identity").at("/oldValues/nhsNumber").asText()).isEqualTo(oldNhsNumber);
        assertThat(changeOf(before, "identity").toString()).contains(newGivenName, "2011-02-27", newNhsNumber);
        assertThat(changeOf(before, "address").at("/newValues/line1").asText()).isEqualTo(newLine1);
        assertThat(chainIntact()).isTrue();

        ApiResponse declined = api.post("/referrals/" + referralId + "/declinal", journeys.dsrTeam(), NOT_AT_RISK);
        assertThat(declined.status()).as(declined.text()).isEqualTo(200);
        ApiResponse erased = api.post("/people/" + personId + "/erasure", lead, Map.of("reason", "CONSENT_WITHDRAWN"));
        assertThat(erased.status()).as(erased.text()).isEqualTo(200);

        // Their audit key went with the erasure (PersonalDataLeft finds dsr_kit.audit_person_key by its person_id).
        assertThat(PersonalDataLeft.tablesHolding(databaseUrl, databaseUser, databasePassword,
                UUID.fromString(personId), List.of(UUID.fromString(referralId)))).isEmpty();
        assertThat(database.count("SELECT count(*) FROM dsr_kit.audit_person_key WHERE person_id = ?::uuid", personId))
                .isZero();
        assertThat(auditValuesHolding(personal)).isZero();
        // The trail keeps who changed what, when and why; the values are unreadable.
        JsonNode after = trailOf(personId);
        for (String what : List.of("identity", "address")) {
            JsonNode change = changeOf(after, what);
            assertThat(change.get("oldValues").toString()).as(what).isEqualTo("{\"erased\":true}");
            assertThat(change.get("newValues").toString()).as(what).isEqualTo("{\"erased\":true}");
            assertThat(change.get("purpose").asText()).as(what).isEqualTo("DIRECT_CARE");
        }
        assertThat(after.toString()).doesNotContain(newGivenName).doesNotContain(oldNhsNumber)
                .doesNotContain(newNhsNumber).doesNotContain(newLine1);
        // The append-only chain hashed the ciphertext, which is still there: it checks intact.
        assertThat(chainIntact()).isTrue();
    }

    /** How many audit entries (about anyone) hold any of these texts in their stored old or new values. */
    private long auditValuesHolding(List<String> texts) {
        long found = 0;
        for (String text : texts) {
            found += database.count("SELECT count(*) FROM dsr_kit.audit_entry WHERE strpos(coalesce(old_values::text, '')"
                    + " || ' ' || coalesce(new_values::text, ''), ?) > 0", text);
        }
        return found;
    }

    private JsonNode trailOf(String personId) {
        ApiResponse trail = api.get("/people/" + personId + "/audit?size=200", lead);
        assertThat(trail.status()).as(trail.text()).isEqualTo(200);
        return trail.json();
    }

    private static JsonNode changeOf(JsonNode trail, String what) {
        for (JsonNode entry : trail.get("items")) {
            if (entry.get("action").asText().equals("CHANGED") && entry.get("what").asText().equals(what)) {
                return entry;
            }
        }
        throw new AssertionError("no change of " + what + " on the trail");
    }

    private boolean chainIntact() {
        ApiResponse check = api.post("/audit/chain-check", lead, Map.of());
        assertThat(check.status()).as(check.text()).isEqualTo(200);
        return check.json().get("intact").asBoolean();
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
