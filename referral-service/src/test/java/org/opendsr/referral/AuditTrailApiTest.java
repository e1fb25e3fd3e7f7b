package org.opendsr.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.TestTokens;

/**
 * The audit trail a DSR lead reviews (issue 11): every read and change of a person's record with its purpose and,
 * for a change, the old and new values; every refused or not-found attempt, kept although the refused request rolls
 * back; a person's trail and a user's trail, keyset-paged; the chain check; and nobody but a lead may read them.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailApiTest extends ReferralServiceUnderTest {

    private static final String REFERRER = "jo.winters@swindon-cldt.example";
    private static final String OUTSIDER = "kit.marlowe@elsewhere.example";

    private String referrer;
    private String outsider;
    private String lead;

    @BeforeAll
    void signIn() {
        referrer = TestTokens.get().tokenFor(REFERRER, DsrRoles.PROFESSIONAL);
        outsider = TestTokens.get().tokenFor(OUTSIDER, DsrRoles.PROFESSIONAL);
        lead = journeys.dsrLead();
    }

    /** Referred and contacted by the DSR team, so that the referrer is in the person's care team (issue 11). */
    private String referSomeone(String nhsNumber) {
        JsonNode receipt = journeys.refer(referrer, ReferralRequests.aReferralOfSomeoneNew().with("nhsNumber", nhsNumber));
        journeys.contact(receipt.get("referralId").asText());
        return receipt.get("personId").asText();
    }

    private JsonNode trailOf(String personId) {
        ApiResponse response = api.get("/people/" + personId + "/audit?size=200", lead);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private static List<String> lines(JsonNode page) {
        List<String> lines = new ArrayList<>();
        page.get("items").forEach(entry -> lines.add(entry.get("actor").asText() + " " + entry.get("action").asText()
                + " " + entry.get("what").asText() + " " + entry.get("outcome").asText()));
        return lines;
    }

    @Test
    void aRefusedReadIsOnThePersonsTrailThoughTheCallerWasToldThereIsNoOne() {
        String personId = referSomeone(TestNhsNumbers.next());

        assertThat(api.get("/people/" + personId, outsider).status()).isEqualTo(404);
        assertThat(api.put("/people/" + personId + "/diagnosis", outsider, Map.of("diagnosis", "AUTISM")).status())
                .isEqualTo(404);

        assertThat(lines(trailOf(personId))).contains(
                OUTSIDER + " ACCESS record REFUSED",
                REFERRER + " CREATED person ALLOWED");
        assertThat(lines(trailOf(personId)).stream().filter(line -> line.startsWith(OUTSIDER))).hasSize(2);
    }

    @Test
    void anAttemptOnSomeoneWhoDoesNotExistIsRecordedAsNotFound() {
        String nobody = UUID.randomUUID().toString();

        assertThat(api.get("/people/" + nobody, outsider).status()).isEqualTo(404);
        assertThat(api.get("/referrals/" + UUID.randomUUID(), outsider).status()).isEqualTo(404);

        assertThat(lines(trailOf(nobody))).containsExactly(
                Journeys.DSR_LEAD + " READ audit trail ALLOWED",
                OUTSIDER + " ACCESS record NOT_FOUND");
        assertThat(lines(api.get("/audit/users/" + OUTSIDER + "?size=200", lead).json()))
                .anyMatch(line -> line.matches(OUTSIDER + " ACCESS referral [-0-9a-f]+ NOT_FOUND"));
    }

    @Test
    void aReferralTheCallerMayNotSeeIsARefusedAttemptOnItsPersonsTrail() {
        JsonNode receipt = journeys.refer(referrer, ReferralRequests.aReferralOfSomeoneNew());
        String referralId = receipt.get("referralId").asText();

        assertThat(api.get("/referrals/" + referralId, outsider).status()).isEqualTo(404);

        assertThat(lines(trailOf(receipt.get("personId").asText())))
                .contains(OUTSIDER + " ACCESS referral " + referralId + " REFUSED");
    }

    @Test
    void aChangeKeepsTheValuesItReplacedAndTheValuesItWrote() {
        String personId = referSomeone(TestNhsNumbers.next());

        ApiResponse moved = api.put("/people/" + personId + "/address", referrer, Map.of("line1", "3 New Road",
                "postcode", "BA2 7AY", "locality", "BATH_AND_NORTH_EAST_SOMERSET"));
        assertThat(moved.status()).as(moved.text()).isEqualTo(204);
        api.put("/people/" + personId + "/diagnosis", referrer, Map.of("diagnosis", "LEARNING_DISABILITY"));

        JsonNode trail = trailOf(personId);
        JsonNode address = entry(trail, "address");
        assertThat(address.at("/oldValues/postcode").asText()).isEqualTo("SN1 2JH");
        assertThat(address.at("/oldValues/locality").asText()).isEqualTo("SWINDON");
        assertThat(address.at("/newValues/postcode").asText()).isEqualTo("BA2 7AY");
        assertThat(address.at("/newValues/line1").asText()).isEqualTo("3 New Road");
        assertThat(address.get("purpose").asText()).isEqualTo("DIRECT_CARE");
        JsonNode diagnosis = entry(trail, "diagnosis");
        assertThat(diagnosis.at("/oldValues/diagnosis").asText()).isEqualTo("AUTISM");
        assertThat(diagnosis.at("/newValues/diagnosis").asText()).isEqualTo("LEARNING_DISABILITY");
    }

    @Test
    void anNhsNumberThatBelongsToSomeoneElseIsARefusedAttemptOnBothTrails() {
        String taken = TestNhsNumbers.next();
        String owner = referSomeone(taken);
        String other = referSomeone(TestNhsNumbers.next());

        // A professional's identity change is held for review whatever the number (no oracle); the DSR team's own
        // change is refused when the number is someone else's, and that refusal is on both trails.
        ApiResponse collision = api.put("/people/" + other + "/identity", journeys.dsrTeam(), Map.of("givenName", "Ada",
                "familyName", "Example", "dateOfBirth", "2011-06-15", "nhsNumber", taken));
        assertThat(collision.status()).as(collision.text()).isEqualTo(409);

        assertThat(lines(trailOf(other))).contains(Journeys.DSR_TEAM_MEMBER + " ACCESS identity REFUSED");
        assertThat(lines(trailOf(owner))).contains(Journeys.DSR_TEAM_MEMBER
                + " ACCESS NHS number claimed for another record REFUSED");
    }

    @Test
    void aUsersTrailIsPagedNewestFirstWithoutGapsOrRepeats() {
        String personId = referSomeone(TestNhsNumbers.next());
        String reader = "reader-" + UUID.randomUUID();
        String token = TestTokens.get().tokenFor(reader, DsrRoles.DSR_TEAM);
        for (int i = 0; i < 5; i++) {
            api.get("/people/" + personId, token);
        }

        List<Long> seen = new ArrayList<>();
        String path = "/audit/users/" + reader + "?size=2";
        JsonNode page = api.get(path, lead).json();
        while (true) {
            page.get("items").forEach(entry -> seen.add(entry.get("seq").asLong()));
            if (page.get("nextBefore") == null || page.get("nextBefore").isNull()) {
                break;
            }
            page = api.get(path + "&before=" + page.get("nextBefore").asLong(), lead).json();
        }

        assertThat(seen).hasSize(5).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void onlyALeadReadsTheAuditOrChecksTheChain() {
        String personId = referSomeone(TestNhsNumbers.next());

        for (String role : List.of(DsrRoles.PROFESSIONAL, DsrRoles.DSR_TEAM, DsrRoles.ANALYST,
                DsrRoles.AGENCY_SYSTEM, DsrRoles.ADMIN)) {
            String token = TestTokens.get().tokenFor("someone-" + role, role);
            assertThat(api.get("/people/" + personId + "/audit", token).status()).as(role).isEqualTo(403);
            assertThat(api.get("/audit/users/" + REFERRER, token).status()).as(role).isEqualTo(403);
            assertThat(api.post("/audit/chain-check", token, Map.of()).status()).as(role).isEqualTo(403);
        }
        assertThat(api.get("/audit/users/" + REFERRER, lead).status()).isEqualTo(200);
        ApiResponse check = api.post("/audit/chain-check", lead, Map.of());
        assertThat(check.status()).as(check.text()).isEqualTo(200);
        assertThat(check.json().get("intact").asBoolean()).isTrue();
        assertThat(check.json().get("head").asLong()).isPositive();
    }

    private static JsonNode entry(JsonNode trail, String what) {
        for (JsonNode entry : trail.get("items")) {
            if (entry.get("what").asText().equals(what)) {
                return entry;
            }
        }
        throw new AssertionError("no entry for " + what);
    }
}
