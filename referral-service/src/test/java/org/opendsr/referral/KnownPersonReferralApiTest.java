package org.opendsr.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendsr.referral.ApiProblems.assertProblem;

import java.time.LocalDate;
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
 * A referral for someone the DSR already knows by NHS number: linked only when the date of birth agrees, adding the
 * contacts and key professionals it brings and keeping differing details for the DSR team; and a referrer's access
 * lasting only while their referral is in hand.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnownPersonReferralApiTest extends ReferralServiceUnderTest {

    private static final String REFERRER = "sam.patel@swindon-cldt.example";
    private static final String SECOND_REFERRER = "jo.bloggs@wiltshire.example";

    private String referrer;
    private String secondReferrer;
    private String dsrTeam;

    @BeforeAll
    void signIn() {
        referrer = TestTokens.get().tokenFor(REFERRER, DsrRoles.PROFESSIONAL);
        secondReferrer = TestTokens.get().tokenFor(SECOND_REFERRER, DsrRoles.PROFESSIONAL);
        dsrTeam = journeys.dsrTeam();
    }

    // (An NHS number held for someone born on another day: NoMembershipOracleApiTest.)

    // ---- what a referral for someone known brings ------------------------------------------------------------------

    @Test
    void newContactsAndKeyProfessionalsAreAddedOnceAndDifferingDetailsAreKeptForTheDsrTeam() {
        String nhsNumber = TestNhsNumbers.next();
        ReferralRequests first = ReferralRequests.aReferralOfSomeoneNew().with("nhsNumber", nhsNumber)
                .with("address", Map.of("line1", "14 Example Street"))
                .with("contacts", List.of(Map.of("relationship", "PARENT_OR_CARER", "name", "Ruth Quince",
                        "phone", "01793 000000")))
                .with("keyProfessionals", List.of(Map.of("name", "Priya Shah", "role", "CAMHS clinician",
                        "organisation", "Wiltshire CAMHS", "email", "priya.shah@camhs.example")));
        String personId = journeys.refer(referrer, first).get("personId").asText();

        ApiResponse second = api.post("/referrals", secondReferrer, first
                .with("postcode", "BA2 7AY").with("address", Map.of("line1", "3 Other Road"))
                .with("demographics", Map.of("ethnicCategory", "A"))
                .with("contacts", List.of(
                        Map.of("relationship", "PARENT_OR_CARER", "name", "Ruth Quince", "phone", "01793000000"),
                        Map.of("relationship", "PAID_CARER", "name", "Care Co", "email", "nights@care.example")))
                .with("keyProfessionals", List.of(
                        Map.of("name", "Priya Shah", "role", "CAMHS clinician", "organisation", "Wiltshire CAMHS",
                                "email", "PRIYA.SHAH@camhs.example"),
                        Map.of("name", "Lee Ward", "role", "Social worker", "organisation", "Swindon Borough Council",
                                "phone", "01793 111111")))
                .body());

        assertThat(second.status()).as(second.text()).isEqualTo(201);
        assertThat(second.json().get("personId").asText()).isEqualTo(personId);
        assertThat(second.json().has("personWasKnown") || second.json().has("detailsKeptForReview"))
                .as("the DSR team's to know, not the referrer's").isFalse();
        JsonNode person = journeys.person(personId);
        assertThat(person.at("/address/postcode").asText()).as("not overwritten").isEqualTo("SN1 2JH");
        assertThat(person.at("/address/line1").asText()).isEqualTo("14 Example Street");
        assertThat(person.at("/ethnicCategory/code").asText()).as("a gap is filled").isEqualTo("A");
        assertThat(person.get("contacts")).extracting(contact -> contact.get("name").asText())
                .containsExactly("Ruth Quince", "Care Co");
        assertThat(person.get("keyProfessionals")).extracting(professional -> professional.get("name").asText())
                .containsExactly("Priya Shah", "Lee Ward");
        JsonNode referral = api.get("/referrals/" + second.json().get("referralId").asText(), dsrTeam).json();
        assertThat(referral.at("/detailsToReview/postcode").asText()).isEqualTo("BA2 7AY");
        assertThat(referral.at("/detailsToReview/address.line1").asText()).isEqualTo("3 Other Road");
    }

    // ---- a referrer's access lasts while their referral is in hand -------------------------------------------------

    @Test
    void aReferrerSeesThePersonFromFirstContactWhileTheirReferralWaitsForItsOutcome() {
        JsonNode receipt = journeys.refer(referrer, ReferralRequests.aReferralOfSomeoneNew());
        String personId = receipt.get("personId").asText();
        // Issue 11: before the DSR team has checked who the person is, a referral gives its author no access.
        assertProblem(api.get("/people/" + personId, referrer), 404, "urn:dsr:problem:not-found");

        journeys.contact(receipt.get("referralId").asText());

        assertThat(api.get("/people/" + personId, referrer).status()).isEqualTo(200);
    }

    @Test
    void aReferrerWhoseReferralWasDeclinedNoLongerSeesThePerson() {
        JsonNode receipt = journeys.refer(referrer, ReferralRequests.aReferralOfSomeoneNew());
        String referralId = receipt.get("referralId").asText();
        journeys.contact(referralId);

        ApiResponse declined = api.post("/referrals/" + referralId + "/declinal", dsrTeam, Map.of(
                "reason", "NOT_AT_RISK_OF_ADMISSION", "criteria", Map.of("learningDisabilityOrAutism", true,
                        "atRiskOfAdmissionOrPlacementBreakdown", false, "livesInIcbArea", true)));

        assertThat(declined.status()).as(declined.text()).isEqualTo(200);
        assertProblem(api.get("/people/" + receipt.get("personId").asText(), referrer), 404,
                "urn:dsr:problem:not-found");
        ApiResponse ownReferral = api.get("/referrals/" + referralId, referrer);
        assertThat(ownReferral.status()).as("the referrer still sees the outcome of their own referral").isEqualTo(200);
        assertThat(ownReferral.json().at("/outcome/declineReason").asText()).isEqualTo("NOT_AT_RISK_OF_ADMISSION");
        assertThat(ownReferral.json().at("/person/personId").asText()).isEqualTo(receipt.get("personId").asText());
        assertThat(ownReferral.json().at("/person/familyName").isMissingNode()
                || ownReferral.json().at("/person/familyName").isNull()).as("but not the person's record").isTrue();
        assertThat(api.get("/referrals/" + referralId, dsrTeam).json().at("/person/familyName").asText())
                .isEqualTo("Brackenbury-Quince");
    }

    @Test
    void aReferrerWhoWithdrewTheirReferralNoLongerSeesThePerson() {
        JsonNode receipt = journeys.refer(referrer, ReferralRequests.aReferralOfSomeoneNew());

        ApiResponse withdrawn = api.post("/referrals/" + receipt.get("referralId").asText() + "/withdrawal", referrer,
                Map.of("reason", "REFERRER_WITHDREW"));

        assertThat(withdrawn.status()).as(withdrawn.text()).isEqualTo(200);
        assertProblem(api.get("/people/" + receipt.get("personId").asText(), referrer), 404,
                "urn:dsr:problem:not-found");
    }

    @Test
    void aReferrerSeesThePersonOnTheRegisterAndNotOnceTheyAreRemoved() {
        Journeys.OnRegister onRegister = journeys.putOnRegister(referrer, ReferralRequests.aReferralOfSomeoneNew());
        assertThat(api.get("/people/" + onRegister.personId(), referrer).status()).isEqualTo(200);

        ApiResponse removed = api.post("/register/" + onRegister.registerEntryId() + "/removal", dsrTeam,
                Map.of("reason", "STEPPED_DOWN"));

        assertThat(removed.status()).as(removed.text()).isEqualTo(200);
        assertProblem(api.get("/people/" + onRegister.personId(), referrer), 404, "urn:dsr:problem:not-found");
        assertThat(api.get("/people/" + onRegister.personId(), dsrTeam).status()).isEqualTo(200);
    }

    @Test
    void aKeyProfessionalLeavesWithThePersonWhenTheReferralIsDeclined() {
        String keyProfessional = TestTokens.get().tokenFor("lee.ward.kp", DsrRoles.PROFESSIONAL);
        JsonNode receipt = journeys.refer(referrer, ReferralRequests.aReferralOfSomeoneNew()
                .with("keyProfessionals", List.of(Map.of("name", "Lee Ward", "role", "Social worker",
                        "organisation", "Swindon Borough Council", "phone", "01793 111111", "userId", "lee.ward.kp"))));
        String referralId = receipt.get("referralId").asText();
        journeys.contact(referralId);
        // Issue 11: naming a user id is a request; the key professional sees the person once the DSR team confirms.
        assertProblem(api.get("/people/" + receipt.get("personId").asText(), keyProfessional), 404,
                "urn:dsr:problem:not-found");
        String requestId = api.get("/people/" + receipt.get("personId").asText() + "/care-team", dsrTeam).json()
                .get("pendingRequests").get(0).get("requestId").asText();
        assertThat(api.post("/care-team-requests/" + requestId + "/confirmation", dsrTeam, Map.of()).status())
                .isEqualTo(200);
        assertThat(api.get("/people/" + receipt.get("personId").asText(), keyProfessional).status()).isEqualTo(200);
        api.post("/referrals/" + referralId + "/declinal", dsrTeam, Map.of("reason", "OTHER",
                "criteria", Journeys.ALL_CRITERIA_MET));

        // Issue 11: a membership ends when its reason does; with no referral in hand and the person not on the
        // register, a key professional's place in their care has none left.
        assertProblem(api.get("/people/" + receipt.get("personId").asText(), keyProfessional), 404,
                "urn:dsr:problem:not-found");
    }

    @Test
    void aNewReferralFromTheSameReferrerRestoresTheirAccess() {
        String nhsNumber = TestNhsNumbers.next();
        ReferralRequests referral = ReferralRequests.aReferralOfSomeoneNew().with("nhsNumber", nhsNumber)
                .with("dateOfBirth", LocalDate.now().minusYears(20).toString());
        JsonNode first = journeys.refer(referrer, referral);
        api.post("/referrals/" + first.get("referralId").asText() + "/withdrawal", referrer,
                Map.of("reason", "REFERRER_WITHDREW"));

        JsonNode second = journeys.refer(referrer, referral);
        assertProblem(api.get("/people/" + first.get("personId").asText(), referrer), 404,
                "urn:dsr:problem:not-found");
        journeys.contact(second.get("referralId").asText());

        assertThat(api.get("/people/" + first.get("personId").asText(), referrer).status()).isEqualTo(200);
    }
}
