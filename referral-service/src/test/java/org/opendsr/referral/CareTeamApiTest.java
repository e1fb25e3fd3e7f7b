package org.opendsr.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendsr.referral.ApiProblems.assertProblem;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.contracts.EventTypes;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.TestTokens;

/**
 * The care team through referral-service's API (issue 11): a referral grants its author nothing until the DSR team
 * makes first contact, a key professional only once the DSR team confirms, never by themselves; the DSR team sees
 * its own area; a break-glass read reads but never changes; every change is published as the kit holds it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CareTeamApiTest extends ReferralServiceUnderTest {

    private static final String FIRST_REFERRER = "first.referrer@swindon-cldt.example";
    private static final String INTRUDER = "intruder@elsewhere.example";
    private static final String KEY_PROFESSIONAL = "key.professional@camhs.example";
    private static final String STRANGER = "stranger@elsewhere.example";

    private String firstReferrer;
    private String intruder;
    private String keyProfessional;
    private String stranger;
    private String dsrTeam;
    private String wiltshireTeam;
    private String swindonTeam;
    private String lead;

    @BeforeAll
    void signIn() {
        firstReferrer = TestTokens.get().tokenFor(FIRST_REFERRER, DsrRoles.PROFESSIONAL);
        intruder = TestTokens.get().tokenFor(INTRUDER, DsrRoles.PROFESSIONAL);
        keyProfessional = TestTokens.get().tokenFor(KEY_PROFESSIONAL, DsrRoles.PROFESSIONAL);
        stranger = TestTokens.get().tokenFor(STRANGER, DsrRoles.PROFESSIONAL);
        dsrTeam = journeys.dsrTeam();
        wiltshireTeam = TestTokens.get().tokenFor("wiltshire.team@bsw-icb.example", List.of(DsrRoles.DSR_TEAM),
                Map.of("areas", List.of("WILTSHIRE")), Duration.ofHours(1));
        swindonTeam = TestTokens.get().tokenFor("swindon.team@bsw-icb.example", List.of(DsrRoles.DSR_TEAM),
                Map.of("areas", List.of("SWINDON")), Duration.ofHours(1));
        lead = TestTokens.get().tokenFor("lead@bsw-icb.example", DsrRoles.DSR_LEAD);
    }

    private static Map<String, Object> keyProfessional(String userId) {
        return Map.of("name", "Priya Shah", "role", "CAMHS clinician", "organisation", "Wiltshire CAMHS",
                "phone", "01225 000000", "userId", userId);
    }

    /** Someone known: referred by the first referrer and contacted by the DSR team. */
    private JsonNode someoneKnown(String nhsNumber) {
        JsonNode receipt = journeys.refer(firstReferrer, ReferralRequests.aReferralOfSomeoneNew()
                .with("nhsNumber", nhsNumber).with("dateOfBirth", "2011-06-15"));
        journeys.contact(receipt.get("referralId").asText());
        return receipt;
    }

    // ---- finding 1: access can no longer be self-granted -------------------------------------------------------

    @Test
    void aProfessionalWhoRefersSomeoneKnownListingThemselvesSeesNothingBeforeConfirmationNorAfterWithdrawing() {
        String nhsNumber = TestNhsNumbers.next();
        JsonNode first = someoneKnown(nhsNumber);
        String personId = first.get("personId").asText();

        JsonNode own = journeys.refer(intruder, ReferralRequests.aReferralOfSomeoneNew()
                .with("nhsNumber", nhsNumber).with("dateOfBirth", "2011-06-15")
                .with("keyProfessionals", List.of(keyProfessional(INTRUDER))));
        String ownReferral = own.get("referralId").asText();

        assertProblem(api.get("/people/" + personId, intruder), 404, "urn:dsr:problem:not-found");
        assertProblem(api.get("/referrals/" + first.get("referralId").asText(), intruder), 404,
                "urn:dsr:problem:not-found");
        assertProblem(api.get("/people/" + personId + "/care-team", intruder), 404, "urn:dsr:problem:not-found");
        assertThat(api.get("/referrals/" + ownReferral, intruder).status()).as("their own referral").isEqualTo(200);
        assertThat(api.post("/care-team-requests/" + UUID.randomUUID() + "/confirmation", intruder, Map.of())
                .status()).as("a professional confirms nothing").isEqualTo(403);

        JsonNode requests = api.get("/care-team-requests?size=100", dsrTeam).json();
        assertThat(requests.get("items").findValuesAsText("subject")).contains(INTRUDER);

        assertThat(api.post("/referrals/" + ownReferral + "/withdrawal", intruder, Map.of("reason", "OTHER"))
                .status()).isEqualTo(200);
        assertProblem(api.get("/people/" + personId, intruder), 404, "urn:dsr:problem:not-found");
        assertProblem(api.get("/referrals/" + first.get("referralId").asText(), intruder), 404,
                "urn:dsr:problem:not-found");
    }

    @Test
    void aReferrerJoinsAtFirstContactAndLeavesWhenTheReferralIsWithdrawn() {
        JsonNode receipt = journeys.refer(firstReferrer, ReferralRequests.aReferralOfSomeoneNew());
        String personId = receipt.get("personId").asText();
        String referralId = receipt.get("referralId").asText();

        assertProblem(api.get("/people/" + personId, firstReferrer), 404, "urn:dsr:problem:not-found");
        journeys.contact(referralId);
        assertThat(api.get("/people/" + personId, firstReferrer).status()).isEqualTo(200);

        assertThat(api.post("/referrals/" + referralId + "/withdrawal", firstReferrer, Map.of("reason", "OTHER"))
                .status()).isEqualTo(200);
        assertProblem(api.get("/people/" + personId, firstReferrer), 404, "urn:dsr:problem:not-found");
        JsonNode team = api.get("/people/" + personId + "/care-team", dsrTeam).json();
        assertThat(team.get("current")).isEmpty();
        assertThat(team.get("past").get(0).get("endReason").asText()).isEqualTo("REFERRAL_WITHDRAWN");
    }

    @Test
    void aKeyProfessionalSeesThePersonOnlyOnceTheDsrTeamConfirms() {
        JsonNode receipt = someoneKnown(TestNhsNumbers.next());
        String personId = receipt.get("personId").asText();
        assertThat(api.put("/people/" + personId + "/key-professionals", firstReferrer,
                Map.of("keyProfessionals", List.of(keyProfessional(KEY_PROFESSIONAL)))).status()).isEqualTo(204);
        assertProblem(api.get("/people/" + personId, keyProfessional), 404, "urn:dsr:problem:not-found");

        JsonNode team = api.get("/people/" + personId + "/care-team", dsrTeam).json();
        String requestId = team.get("pendingRequests").get(0).get("requestId").asText();
        assertProblem(api.post("/care-team-requests/" + requestId + "/confirmation", wiltshireTeam, Map.of()), 404,
                "urn:dsr:problem:not-found");
        ApiResponse confirmed = api.post("/care-team-requests/" + requestId + "/confirmation", swindonTeam, Map.of());

        assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(200);
        assertThat(confirmed.json().get("role").asText()).isEqualTo("KEY_PROFESSIONAL");
        assertThat(api.get("/people/" + personId, keyProfessional).status()).isEqualTo(200);
        assertProblem(api.post("/care-team-requests/" + requestId + "/confirmation", swindonTeam, Map.of()), 409,
                "urn:dsr:problem:care-team-request-decided");

        String membershipId = confirmed.json().get("membershipId").asText();
        assertThat(api.post("/people/" + personId + "/care-team/" + membershipId + "/end", dsrTeam,
                Map.of("reason", "no longer involved")).status()).isEqualTo(200);
        assertProblem(api.get("/people/" + personId, keyProfessional), 404, "urn:dsr:problem:not-found");
    }

    @Test
    void nobodyConfirmsARequestNamingThemselves() {
        JsonNode receipt = someoneKnown(TestNhsNumbers.next());
        String personId = receipt.get("personId").asText();
        api.put("/people/" + personId + "/key-professionals", firstReferrer,
                Map.of("keyProfessionals", List.of(keyProfessional("swindon.team@bsw-icb.example"))));
        String requestId = api.get("/people/" + personId + "/care-team", dsrTeam).json()
                .get("pendingRequests").get(0).get("requestId").asText();

        assertProblem(api.post("/care-team-requests/" + requestId + "/confirmation", swindonTeam, Map.of()), 403,
                "urn:dsr:problem:forbidden");
    }

    // ---- who sees whom -------------------------------------------------------------------------------------------

    @Test
    void theDsrTeamSeesItsOwnAreaAndALeadSeesEveryone() {
        String personId = journeys.refer(firstReferrer, ReferralRequests.aReferralOfSomeoneNew()
                .with("locality", "SWINDON")).get("personId").asText();

        assertThat(api.get("/people/" + personId, swindonTeam).status()).isEqualTo(200);
        assertProblem(api.get("/people/" + personId, wiltshireTeam), 404, "urn:dsr:problem:not-found");
        assertThat(api.get("/people/" + personId, lead).status()).isEqualTo(200);
        assertProblem(api.get("/people/" + personId, stranger), 404, "urn:dsr:problem:not-found");
        assertThat(api.get("/register?status=REFERRED&size=100", wiltshireTeam).json().get("items")
                .findValuesAsText("personId")).doesNotContain(personId);
        assertThat(api.get("/register?status=REFERRED&size=100", swindonTeam).json().get("items")
                .findValuesAsText("personId")).contains(personId);
    }

    @Test
    void aBreakGlassReadReadsButNeverChangesAndIsListedForALead() {
        String personId = someoneKnown(TestNhsNumbers.next()).get("personId").asText();
        assertProblem(api.post("/people/" + personId + "/break-glass", stranger, Map.of()), 400,
                "urn:dsr:problem:invalid-request");

        ApiResponse declared = api.post("/people/" + personId + "/break-glass", stranger,
                Map.of("reason", "Emergency department: the person arrived in crisis"));

        assertThat(declared.status()).as(declared.text()).isEqualTo(200);
        assertThat(api.get("/people/" + personId, stranger).status()).isEqualTo(200);
        assertProblem(api.put("/people/" + personId + "/diagnosis", stranger, Map.of("diagnosis", "AUTISM")), 403,
                "urn:dsr:problem:forbidden");
        JsonNode toReview = api.get("/break-glass?unreviewed=true&size=100", lead).json();
        String membershipId = declared.json().get("membershipId").asText();
        assertThat(toReview.get("items").findValuesAsText("membershipId")).contains(membershipId);
        assertThat(api.post("/break-glass/" + membershipId + "/review", lead, Map.of()).status()).isEqualTo(200);
        assertThat(api.get("/break-glass?unreviewed=true&size=100", lead).json().get("items")
                .findValuesAsText("membershipId")).doesNotContain(membershipId);
    }

    // ---- what is published -------------------------------------------------------------------------------------

    @Test
    void theEventPublishedCarriesExactlyTheTeamTheKitHolds() throws SQLException {
        JsonNode receipt = journeys.refer(firstReferrer, ReferralRequests.aReferralOfSomeoneNew());
        String personId = receipt.get("personId").asText();
        journeys.contact(receipt.get("referralId").asText());

        JsonNode changed = events.awaitEvent(EventTypes.PERSON_CARE_TEAM_CHANGED_V1, personId,
                data -> data.get("members").size() == 1);

        assertThat(changed.get("area").asText()).isEqualTo("SWINDON");
        JsonNode member = changed.get("members").get(0);
        assertThat(member.get("subject").asText()).isEqualTo(FIRST_REFERRER);
        assertThat(member.get("role").asText()).isEqualTo("REFERRER");
        assertThat(changed.toString()).doesNotContain("Ottoline");
        Set<String> published = new HashSet<>();
        changed.get("members").forEach(m -> published.add(m.get("membershipId").asText() + "|"
                + m.get("subject").asText() + "|" + m.get("role").asText()));
        assertThat(kitRows(personId)).isEqualTo(published);
    }

    private Set<String> kitRows(String personId) throws SQLException {
        Set<String> rows = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(databaseUrl, databaseUser, databasePassword);
             Statement select = connection.createStatement();
             ResultSet found = select.executeQuery("SELECT membership_id, subject, role FROM dsr_kit.care_team_member"
                     + " WHERE person_id = '" + UUID.fromString(personId) + "'")) {
            while (found.next()) {
                rows.add(found.getString(1) + "|" + found.getString(2) + "|" + found.getString(3));
            }
        }
        return rows;
    }
}
