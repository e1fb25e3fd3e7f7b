package org.opendsr.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendsr.referral.ApiProblems.assertProblem;
import static org.opendsr.referral.ApiProblems.assertProblemNaming;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.LogCapture;
import org.opendsr.testkit.TestTokens;
import org.slf4j.LoggerFactory;

/**
 * A person's record: what referral-service holds (identity, address, demographics as NHS Data Dictionary codes,
 * diagnosis, contacts, key professionals, where they are in the DSR), who may see and change it (the DSR team; the
 * professionals who referred them or are linked to them; nobody else), each part replaced on its own with every bad
 * value refused naming the field, and every read and change on the audit trail with its purpose.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonRecordApiTest extends ReferralServiceUnderTest {

    private static final String REFERRER = "sam.patel@swindon-cldt.example";
    private static final String KEY_PROFESSIONAL_EMAIL = "priya.shah@wiltshire-camhs.example";

    private String referrer;
    private String dsrTeam;

    @BeforeAll
    void signIn() {
        referrer = TestTokens.get().tokenFor(REFERRER, DsrRoles.PROFESSIONAL);
        dsrTeam = journeys.dsrTeam();
    }

    /** A referral with the whole record a referrer can give. */
    private static ReferralRequests aFullReferral() {
        return ReferralRequests.aReferralOfSomeoneNew()
                .with("address", Map.of("line1", "Flat 2, 14 Example Street", "town", "Swindon"))
                .with("demographics", Map.of("ethnicCategory", "N", "genderIdentity", "2"))
                .with("contacts", List.of(
                        Map.of("relationship", "PERSON", "phone", "07700 900123"),
                        Map.of("relationship", "PARENT_OR_CARER", "name", "Ruth Brackenbury", "phone", "01793 000000",
                                "email", "ruth@example.org", "hasParentalResponsibility", true),
                        Map.of("relationship", "PAID_CARER", "name", "Care Co night staff", "email", "nights@care.example")))
                .with("keyProfessionals", List.of(Map.of("name", "Priya Shah", "role", "CAMHS clinician",
                        "organisation", "Wiltshire CAMHS", "email", KEY_PROFESSIONAL_EMAIL)));
    }

    /** Referred, and contacted by the DSR team: from then on the referrer is in the person's care team (issue 11). */
    private String referSomeone() {
        JsonNode receipt = journeys.refer(referrer, aFullReferral());
        journeys.contact(receipt.get("referralId").asText());
        return receipt.get("personId").asText();
    }

    // ---- the record --------------------------------------------------------------------------------------------------

    @Test
    void theRecordHoldsWhatTheReferrerGaveWithTheCodesSpelledOut() {
        String personId = referSomeone();

        ApiResponse response = api.get("/people/" + personId, referrer);

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode person = response.json();
        assertThat(person.get("familyName").asText()).isEqualTo("Brackenbury-Quince");
        assertThat(person.get("ageBand").asText()).isEqualTo("AGE_14_TO_17");
        assertThat(person.get("lifeStage").asText()).isEqualTo("CHILD");
        assertThat(person.at("/address/line1").asText()).isEqualTo("Flat 2, 14 Example Street");
        assertThat(person.at("/address/postcode").asText()).isEqualTo("SN1 2JH");
        assertThat(person.get("locality").asText()).isEqualTo("SWINDON");
        assertThat(person.at("/ethnicCategory/code").asText()).isEqualTo("N");
        assertThat(person.at("/ethnicCategory/description").asText()).isEqualTo("Black or Black British - African");
        assertThat(person.at("/genderIdentity/description").asText()).startsWith("Female");
        assertThat(person.get("diagnosis").asText()).isEqualTo("AUTISM");
        assertThat(person.get("contacts")).hasSize(3);
        assertThat(person.at("/contacts/1/hasParentalResponsibility").asBoolean()).isTrue();
        assertThat(person.at("/keyProfessionals/0/organisation").asText()).isEqualTo("Wiltshire CAMHS");
        assertThat(person.at("/register/status").asText()).isEqualTo("REFERRED");
        assertThat(person.get("referrals")).hasSize(1);
        assertThat(person.get("consent").isNull()).as("nothing heard from consent-service").isTrue();
    }

    @Test
    void aPersonWhoDoesNotExistIsNotFound() {
        assertProblem(api.get("/people/" + java.util.UUID.randomUUID(), dsrTeam), 404, "urn:dsr:problem:not-found");
        assertProblemNaming(api.get("/people/not-a-person", dsrTeam), "personId");
    }

    // ---- access by role --------------------------------------------------------------------------------------------

    @Test
    void theDsrTeamAndLeadsSeeEveryone() {
        String personId = referSomeone();

        for (String role : List.of(DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD)) {
            assertThat(api.get("/people/" + personId, TestTokens.get().tokenFor("dsr-" + role, role)).status())
                    .as(role).isEqualTo(200);
        }
    }

    @Test
    void anEmailOnATokenGrantsNothingEvenWhenItIsAKeyProfessionalsEmail() {
        // Issue 11 finding 1: an e-mail claim is only as good as the identity provider's check of it; identities are
        // the token's subject, and a key professional's place is the DSR team's to confirm.
        String personId = referSomeone();
        String keyProfessional = TestTokens.get().tokenFor("priya.shah", List.of(DsrRoles.PROFESSIONAL),
                Map.of("email", KEY_PROFESSIONAL_EMAIL.toUpperCase(), "organisation", "Wiltshire CAMHS"), Duration.ofHours(1));

        assertProblem(api.get("/people/" + personId, keyProfessional), 404, "urn:dsr:problem:not-found");
        assertProblem(api.put("/people/" + personId + "/diagnosis", keyProfessional,
                Map.of("diagnosis", "LEARNING_DISABILITY_AND_AUTISM")), 404, "urn:dsr:problem:not-found");
    }

    @Test
    void aKeyProfessionalNamedByTheirDsrUserIdSeesThePersonOnceTheDsrTeamConfirms() {
        String personId = referSomeone();
        api.put("/people/" + personId + "/key-professionals", referrer, Map.of("keyProfessionals", List.of(Map.of(
                "name", "Lee Ward", "role", "Social worker", "organisation", "Swindon Borough Council",
                "phone", "01793 111111", "userId", "lee.ward"))));
        String leeWard = TestTokens.get().tokenFor("lee.ward", DsrRoles.PROFESSIONAL);
        assertThat(api.get("/people/" + personId, leeWard).status()).as("a request is not access").isEqualTo(404);

        String requestId = null;
        for (JsonNode request : api.get("/care-team-requests?size=100", dsrTeam).json().get("items")) {
            if ("lee.ward".equals(request.get("subject").asText()) && personId.equals(request.get("personId").asText())) {
                requestId = request.get("requestId").asText();
            }
        }
        assertThat(requestId).as("the request on the DSR team's worklist").isNotNull();
        assertThat(api.post("/care-team-requests/" + requestId + "/confirmation", dsrTeam, Map.of()).status())
                .isBetween(200, 204);

        assertThat(api.get("/people/" + personId, leeWard).status()).isEqualTo(200);
    }

    @Test
    void anotherProfessionalIsToldThereIsNoSuchPersonAndCannotChangeThem() {
        String personId = referSomeone();
        String someoneElse = TestTokens.get().tokenFor("alex.other@bath.example", List.of(DsrRoles.PROFESSIONAL),
                Map.of("email", "alex.other@bath.example"), Duration.ofHours(1));
        Map<String, Long> before = database.rowCounts();

        ApiResponse read = api.get("/people/" + personId, someoneElse);
        ApiResponse change = api.put("/people/" + personId + "/diagnosis", someoneElse, Map.of("diagnosis", "AUTISM"));

        assertProblem(read, 404, "urn:dsr:problem:not-found");
        assertProblem(change, 404, "urn:dsr:problem:not-found");
        assertThat(read.text()).doesNotContain("Brackenbury");
        assertThat(database.rowCounts()).as("nothing changed but the audit of the two refused attempts")
                .isEqualTo(withAuditEntries(before, 2));
    }

    @Test
    void anAnalystAnAgencySystemAnAdministratorOrNoOneAtAllCannotSeeAnyone() {
        String personId = referSomeone();

        for (String role : List.of(DsrRoles.ANALYST, DsrRoles.AGENCY_SYSTEM, DsrRoles.ADMIN)) {
            String token = TestTokens.get().tokenFor("someone-" + role, role);
            assertThat(api.get("/people/" + personId, token).status()).as(role).isEqualTo(403);
            assertThat(api.put("/people/" + personId + "/diagnosis", token, Map.of("diagnosis", "AUTISM")).status())
                    .as(role).isEqualTo(403);
            assertThat(api.get("/people/" + personId + "/audit", token).status()).as(role).isEqualTo(403);
        }
        assertThat(api.get("/people/" + personId, null).status()).isEqualTo(401);
    }

    // ---- replacing parts of the record ------------------------------------------------------------------------------

    @Test
    void eachPartIsReplacedOnItsOwn() {
        String personId = referSomeone();
        String nhsNumber = TestNhsNumbers.next();

        // A professional's identity change is held for the DSR team (NoMembershipOracleApiTest); the team's is made.
        assertThat(api.put("/people/" + personId + "/identity", dsrTeam, Map.of("givenName", "Lotte",
                "familyName", "Brackenbury", "dateOfBirth", "2010-03-04", "nhsNumber", TestNhsNumbers.formatted(nhsNumber)))
                .status()).isEqualTo(204);
        assertThat(api.put("/people/" + personId + "/address", referrer, Map.of("line1", "3 New Road",
                "town", "Chippenham", "postcode", "sn15 1aa", "locality", "WILTSHIRE")).status()).isEqualTo(204);
        assertThat(api.put("/people/" + personId + "/demographics", referrer,
                Map.of("ethnicCategory", "99", "genderIdentity", "Z")).status()).isEqualTo(204);
        assertThat(api.put("/people/" + personId + "/diagnosis", referrer, Map.of("diagnosis", "LEARNING_DISABILITY"))
                .status()).isEqualTo(204);
        assertThat(api.put("/people/" + personId + "/contacts", referrer, Map.of("contacts", List.of(
                Map.of("relationship", "PERSON", "email", "lotte@example.org")))).status()).isEqualTo(204);

        JsonNode person = api.get("/people/" + personId, referrer).json();
        assertThat(person.get("givenName").asText()).isEqualTo("Lotte");
        assertThat(person.get("dateOfBirth").asText()).isEqualTo("2010-03-04");
        assertThat(person.get("nhsNumber").asText()).isEqualTo(nhsNumber);
        assertThat(person.at("/address/town").asText()).isEqualTo("Chippenham");
        assertThat(person.at("/address/postcode").asText()).isEqualTo("SN15 1AA");
        assertThat(person.get("locality").asText()).isEqualTo("WILTSHIRE");
        assertThat(person.at("/ethnicCategory/description").asText()).isEqualTo("Not known");
        assertThat(person.at("/genderIdentity/code").asText()).isEqualTo("Z");
        assertThat(person.get("diagnosis").asText()).isEqualTo("LEARNING_DISABILITY");
        assertThat(person.get("contacts")).hasSize(1);
        assertThat(person.get("keyProfessionals")).as("a part not sent stays as it was").hasSize(1);
    }

    @Test
    void anNhsNumberAlreadyRecordedForSomeoneElseIsRefusedToTheDsrTeam() {
        String nhsNumber = TestNhsNumbers.next();
        journeys.refer(referrer, ReferralRequests.aReferralOfSomeoneNew().with("nhsNumber", nhsNumber));
        String personId = referSomeone();
        Map<String, Long> before = database.rowCounts();

        // The DSR team works the register and resolves such collisions (a professional's change is held instead).
        ApiResponse response = api.put("/people/" + personId + "/identity", dsrTeam, Map.of("givenName", "Lotte",
                "familyName", "Brackenbury", "dateOfBirth", "2010-03-04", "nhsNumber", nhsNumber));

        assertProblem(response, 409, "urn:dsr:problem:nhs-number-belongs-to-another-person");
        assertThat(response.text()).doesNotContain(nhsNumber);
        assertThat(database.rowCounts()).as("nothing changed but the refused attempt, on both people's trails")
                .isEqualTo(withAuditEntries(before, 2));
    }

    /** One part of the record sent with one bad value. */
    record BadPart(String what, String part, Map<String, Object> body, String field) {
        @Override
        public String toString() {
            return what;
        }
    }

    static Stream<BadPart> badParts() {
        Map<String, Object> identity = Map.of("givenName", "Lotte", "familyName", "Brackenbury", "dateOfBirth", "2010-03-04");
        Map<String, Object> address = Map.of("postcode", "SN1 2JH", "locality", "SWINDON");
        Map<String, Object> contact = Map.of("relationship", "PARENT_OR_CARER", "name", "Ruth", "phone", "01793 000000");
        Map<String, Object> professional = Map.of("name", "Priya Shah", "role", "Nurse", "organisation", "CAMHS",
                "email", "priya@example.org");
        return Stream.of(
                new BadPart("no given name", "identity", without(identity, "givenName"), "givenName"),
                new BadPart("a family name over 100 characters", "identity", with(identity, "familyName", "F".repeat(101)),
                        "familyName"),
                new BadPart("no date of birth", "identity", without(identity, "dateOfBirth"), "dateOfBirth"),
                new BadPart("a date of birth that does not exist", "identity", with(identity, "dateOfBirth", "2010-02-30"),
                        "dateOfBirth"),
                new BadPart("a date of birth in the future", "identity",
                        with(identity, "dateOfBirth", LocalDate.now().plusDays(1).toString()), "dateOfBirth"),
                new BadPart("an NHS number with a wrong check digit", "identity",
                        with(identity, "nhsNumber", "943 476 5918"), "nhsNumber"),
                new BadPart("an NHS number of 11 digits", "identity", with(identity, "nhsNumber", "94347659190"),
                        "nhsNumber"),
                // Issue 15: left out, the NHS number is not known; blank is not a way to say so, and refused.
                new BadPart("an empty NHS number", "identity", with(identity, "nhsNumber", ""), "nhsNumber"),
                new BadPart("an empty address line", "address", with(address, "line2", ""), "line2"),
                new BadPart("an empty ethnic category", "demographics", Map.of("ethnicCategory", ""), "ethnicCategory"),
                new BadPart("a contact's empty email beside a phone", "contacts",
                        Map.of("contacts", List.of(with(contact, "email", ""))), "contacts[0].email"),
                new BadPart("a key professional's blank user id", "key-professionals",
                        Map.of("keyProfessionals", List.of(with(professional, "userId", " "))),
                        "keyProfessionals[0].userId"),
                new BadPart("no postcode", "address", without(address, "postcode"), "postcode"),
                new BadPart("a postcode that is not a UK postcode", "address", with(address, "postcode", "75008"),
                        "postcode"),
                new BadPart("a locality the ICB does not have", "address", with(address, "locality", "LEEDS"), "locality"),
                new BadPart("an address line over 200 characters", "address", with(address, "line1", "l".repeat(201)),
                        "line1"),
                new BadPart("an ethnic category that is not a Data Dictionary code", "demographics",
                        Map.of("ethnicCategory", "Q"), "ethnicCategory"),
                new BadPart("a gender identity that is not a Data Dictionary code", "demographics",
                        Map.of("genderIdentity", "M"), "genderIdentity"),
                new BadPart("a diagnosis that is not one", "diagnosis", Map.of("diagnosis", "ADHD"), "diagnosis"),
                new BadPart("no contacts list", "contacts", Map.of(), "contacts"),
                new BadPart("a contact without a relationship", "contacts",
                        Map.of("contacts", List.of(without(contact, "relationship"))), "contacts[0].relationship"),
                new BadPart("a relationship that is not one", "contacts",
                        Map.of("contacts", List.of(with(contact, "relationship", "FRIEND"))),
                        ApiProblems.UNREADABLE + "relationship"),
                new BadPart("a carer without a name", "contacts",
                        Map.of("contacts", List.of(without(contact, "name"))), "contacts[0].name"),
                new BadPart("a contact with no phone and no email", "contacts",
                        Map.of("contacts", List.of(without(contact, "phone"))), "contacts[0].phone"),
                new BadPart("a phone number that is not one", "contacts",
                        Map.of("contacts", List.of(contact, with(contact, "phone", "call the office"))), "contacts[1].phone"),
                new BadPart("an email that is not one", "contacts",
                        Map.of("contacts", List.of(with(contact, "email", "ruth at example"))), "contacts[0].email"),
                new BadPart("parental responsibility for a paid carer", "contacts",
                        Map.of("contacts", List.of(with(with(contact, "relationship", "PAID_CARER"),
                                "hasParentalResponsibility", true))), "contacts[0].hasParentalResponsibility"),
                new BadPart("parental responsibility that is not true or false", "contacts",
                        Map.of("contacts", List.of(with(contact, "hasParentalResponsibility", "yes"))),
                        ApiProblems.UNREADABLE + "hasParentalResponsibility"),
                new BadPart("more than 20 contacts", "contacts",
                        Map.of("contacts", java.util.Collections.nCopies(21, contact)), "contacts"),
                new BadPart("a key professional without an organisation", "key-professionals",
                        Map.of("keyProfessionals", List.of(without(professional, "organisation"))),
                        "keyProfessionals[0].organisation"),
                new BadPart("a key professional with no phone and no email", "key-professionals",
                        Map.of("keyProfessionals", List.of(without(professional, "email"))), "keyProfessionals[0].phone"),
                new BadPart("a key professional's email that is not one", "key-professionals",
                        Map.of("keyProfessionals", List.of(with(professional, "email", "priya"))),
                        "keyProfessionals[0].email"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badParts")
    void aBadValueIsRefusedNamingTheFieldAndNothingIsWritten(BadPart bad) {
        String personId = referSomeone();
        Map<String, Long> before = database.rowCounts();

        ApiResponse response = api.put("/people/" + personId + "/" + bad.part(), referrer, bad.body());

        assertProblemNaming(response, bad.field());
        assertThat(database.rowCounts()).isEqualTo(before);
    }

    // ---- the audit trail -------------------------------------------------------------------------------------------

    @Test
    void everyReadAndChangeIsOnTheAuditTrailWithWhoWhatAndWhy() {
        String personId = referSomeone();
        api.get("/people/" + personId, referrer);
        api.put("/people/" + personId + "/diagnosis", referrer, Map.of("diagnosis", "LEARNING_DISABILITY"));
        ApiClient.ApiResponse safeguarding = getWithPurpose("/people/" + personId, dsrTeam, "SAFEGUARDING");
        assertThat(safeguarding.status()).isEqualTo(200);

        JsonNode trail = api.get("/people/" + personId + "/audit", journeys.dsrLead()).json();

        List<String> entries = new ArrayList<>();
        trail.get("items").forEach(entry -> entries.add(entry.get("actor").asText() + " " + entry.get("action").asText()
                + " " + entry.get("what").asText() + " " + entry.get("purpose").asText()));
        // Newest first; reading the trail is itself on it.
        assertThat(entries).containsSubsequence(
                Journeys.DSR_LEAD + " READ audit trail AUDIT_REVIEW",
                Journeys.DSR_TEAM_MEMBER + " READ record SAFEGUARDING",
                REFERRER + " CHANGED diagnosis DIRECT_CARE",
                REFERRER + " READ record DIRECT_CARE",
                REFERRER + " CREATED person REFERRAL_MANAGEMENT");
        JsonNode newest = trail.get("items").get(0);
        assertThat(newest.get("actorRoles").asText()).isEqualTo(DsrRoles.DSR_LEAD);
        assertThat(newest.get("occurredAt").asText()).isNotBlank();
        assertThat(newest.get("outcome").asText()).isEqualTo("ALLOWED");
    }

    @Test
    void theAuditTrailIsForALeadNotForTheDsrTeamOrProfessionals() {
        String personId = referSomeone();

        assertThat(api.get("/people/" + personId + "/audit", referrer).status()).isEqualTo(403);
        assertThat(api.get("/people/" + personId + "/audit", dsrTeam).status()).isEqualTo(403);
        assertThat(api.get("/people/" + personId + "/audit", journeys.dsrLead()).status()).isEqualTo(200);
    }

    @Test
    void aPurposeThatIsNotOneIsRefusedNamingTheHeaderAndNothingIsRead() {
        String personId = referSomeone();
        Map<String, Long> before = database.rowCounts();

        ApiResponse curious = getWithPurpose("/people/" + personId, dsrTeam, "CURIOSITY");
        ApiResponse systemOnly = getWithPurpose("/people/" + personId, dsrTeam, "AGENCY_UPDATE");

        assertProblemNaming(curious, "X-DSR-Purpose");
        assertThat(curious.json().at("/errors/0/message").asText()).contains("DIRECT_CARE").contains("SAFEGUARDING");
        assertProblemNaming(systemOnly, "X-DSR-Purpose");
        assertThat(curious.text()).doesNotContain("Brackenbury");
        assertThat(database.rowCounts()).isEqualTo(before);
    }

    // ---- information governance ----------------------------------------------------------------------------------

    @Test
    void noLogLineCarriesThePersonsDetails() {
        String nhsNumber = TestNhsNumbers.next();
        ch.qos.logback.classic.Logger serviceLogs = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.opendsr");
        Level configured = serviceLogs.getLevel();
        serviceLogs.setLevel(Level.DEBUG);
        try (LogCapture logs = LogCapture.capture()) {
            String personId = journeys.refer(referrer, aFullReferral().with("givenName", "Philippa-Quenby")
                    .with("nhsNumber", nhsNumber).with("dateOfBirth", "2012-04-27")).get("personId").asText();
            api.get("/people/" + personId, referrer);
            api.put("/people/" + personId + "/identity", referrer, Map.of("givenName", "Philippa-Quenby",
                    "familyName", "Hetherington-Vance", "dateOfBirth", "2012-04-27", "nhsNumber", nhsNumber));
            api.put("/people/" + personId + "/address", referrer, Map.of("line1", "Quenby Cottage", "postcode", "BA2 7AY",
                    "locality", "BATH_AND_NORTH_EAST_SOMERSET"));
            api.put("/people/" + personId + "/contacts", referrer, Map.of("contacts", List.of(
                    Map.of("relationship", "PERSON", "phone", "07700 900987", "email", "philippa@example.org"))));
            api.put("/people/" + personId + "/contacts", referrer, Map.of("contacts", List.of(
                    Map.of("relationship", "PERSON", "phone", "not a phone 07700 900987"))));
            api.get("/people/" + personId + "/audit", journeys.dsrLead());

            assertThat(logs.linesContainingAnyOf("Philippa", "Quenby", "Hetherington", nhsNumber,
                    TestNhsNumbers.formatted(nhsNumber), "2012-04-27", "BA2 7AY", "07700 900987", "900987",
                    "philippa@example.org", "Ruth Brackenbury", "ruth@example.org", KEY_PROFESSIONAL_EMAIL)).isEmpty();
        } finally {
            serviceLogs.setLevel(configured);
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private ApiResponse getWithPurpose(String path, String token, String purpose) {
        try {
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(server.getURL() + path))
                    .header("Authorization", "Bearer " + token)
                    .header("X-DSR-Purpose", purpose)
                    .GET().build();
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                    .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode json = text == null || text.isBlank() ? null : ApiClient.JSON.readTree(text);
            return new ApiResponse(response.statusCode(), response.headers().map(), text, json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, Long> withAuditEntries(Map<String, Long> counts, long more) {
        Map<String, Long> expected = new LinkedHashMap<>(counts);
        expected.merge("dsr_kit.audit_entry", more, Long::sum);
        return expected;
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    private static Map<String, Object> without(Map<String, Object> body, String field) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.remove(field);
        return changed;
    }
}
