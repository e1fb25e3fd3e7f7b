package org.opendsr.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendsr.referral.ApiProblems.UNREADABLE;
import static org.opendsr.referral.ApiProblems.assertProblem;
import static org.opendsr.referral.ApiProblems.assertProblemNaming;
import static org.opendsr.referral.ApiProblems.fieldsNamed;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.TestTokens;

/**
 * A bad value in the requests after a referral is received (completion, acceptance, removal, resolving a possible
 * duplicate) and in the worklists' and audit trail's query parameters: refused as problem+json naming the field,
 * with nothing written.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LifecycleRefusalsTest extends ReferralServiceUnderTest {

    private String dsrTeam;

    @BeforeAll
    void signIn() {
        dsrTeam = journeys.dsrTeam();
    }

    // ---- completing a self or family referral --------------------------------------------------------------------

    record BadCompletion(String what, String field, Object value, String named) {
        @Override
        public String toString() {
            return what;
        }
    }

    private static Map<String, Object> aCompletion() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dateOfBirth", LocalDate.now().minusYears(12).toString());
        body.put("locality", "SWINDON");
        body.put("diagnosis", "AUTISM");
        body.put("reasonForReferral", "Family asking for help");
        body.put("currentIssues", "Distress at home");
        body.put("indicativeRag", "AMBER");
        return body;
    }

    static Stream<BadCompletion> badCompletions() {
        return Stream.of(
                new BadCompletion("no date of birth", "dateOfBirth", null, "dateOfBirth"),
                new BadCompletion("a date of birth in the future", "dateOfBirth",
                        LocalDate.now().plusDays(1).toString(), "dateOfBirth"),
                new BadCompletion("no locality", "locality", null, "locality"),
                new BadCompletion("a locality the ICB does not have", "locality", "LEEDS", "locality"),
                new BadCompletion("an NHS number with a wrong check digit", "nhsNumber", "943 476 5918", "nhsNumber"),
                // Issue 15: an NHS number is left out or given; blank is neither, and refused.
                new BadCompletion("an empty NHS number", "nhsNumber", "", "nhsNumber"),
                new BadCompletion("a blank NHS number", "nhsNumber", "  ", "nhsNumber"),
                new BadCompletion("a blank reason for referral", "reasonForReferral", "  ", "reasonForReferral"),
                new BadCompletion("a reason over 4000 characters", "reasonForReferral", "r".repeat(4001),
                        "reasonForReferral"),
                new BadCompletion("blank current issues", "currentIssues", "", "currentIssues"),
                new BadCompletion("current issues over 4000 characters", "currentIssues", "c".repeat(4001),
                        "currentIssues"),
                new BadCompletion("what has been tried over 4000 characters", "whatHasBeenTried", "t".repeat(4001),
                        "whatHasBeenTried"),
                new BadCompletion("what could reduce risk over 4000 characters", "whatCouldReduceRisk",
                        "w".repeat(4001), "whatCouldReduceRisk"),
                new BadCompletion("a diagnosis that is not one", "diagnosis", "ADHD", UNREADABLE + "diagnosis"),
                new BadCompletion("an indicative RAG that is not one", "indicativeRag", "PURPLE",
                        UNREADABLE + "indicativeRag"));
    }

    private String aFirstContact() {
        ApiResponse taken = api.post("/referrals/self-or-family", dsrTeam, Map.of("givenName",
                "Kerensa" + TestNames.suffix(), "familyName", "Trelawny", "postcode", "SN1 2JH",
                "email", "kerensa@example.org"));
        assertThat(taken.status()).as(taken.text()).isEqualTo(201);
        return taken.json().get("referralId").asText();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCompletions")
    void aBadCompletionIsRefusedNamingTheFieldAndNothingIsWritten(BadCompletion bad) {
        String referralId = aFirstContact();
        Map<String, Object> body = aCompletion();
        if (bad.value() == null) {
            body.remove(bad.field());
        } else {
            body.put(bad.field(), bad.value());
        }
        Map<String, Long> before = database.rowCounts();

        ApiResponse response = api.post("/referrals/" + referralId + "/completion", dsrTeam, body);

        assertProblemNaming(response, bad.named());
        assertThat(database.rowCounts()).isEqualTo(before);
    }

    @Test
    void aCompletionWithABadPurposeAndABadValueIsRefusedNamingThePurposeFirst() {
        String referralId = aFirstContact();
        Map<String, Object> body = aCompletion();
        body.put("dateOfBirth", LocalDate.now().plusDays(2).toString());
        Map<String, Long> before = database.rowCounts();

        ApiResponse response = api.post("/referrals/" + referralId + "/completion", dsrTeam, body,
                Map.of("X-DSR-Purpose", "CURIOSITY"));

        assertProblemNaming(response, "X-DSR-Purpose");
        assertThat(database.rowCounts()).isEqualTo(before);
    }

    @Test
    void completingWithTheNhsNumberOfSomeoneElseIsRefusedNamingItAndNothingIsWritten() {
        String nhsNumber = TestNhsNumbers.next();
        journeys.refer(TestTokens.get().tokenFor("a.referrer@example.nhs", DsrRoles.PROFESSIONAL),
                ReferralRequests.aReferralOfSomeoneNew().with("nhsNumber", nhsNumber));
        String referralId = aFirstContact();
        Map<String, Object> body = aCompletion();
        body.put("nhsNumber", nhsNumber);
        Map<String, Long> before = database.rowCounts();

        ApiResponse response = api.post("/referrals/" + referralId + "/completion", dsrTeam, body);

        assertProblem(response, 409, "urn:dsr:problem:nhs-number-belongs-to-another-person");
        assertThat(fieldsNamed(response)).containsExactly("nhsNumber");
        assertThat(response.text()).doesNotContain(nhsNumber);
        assertThat(database.rowCounts()).isEqualTo(before);
    }

    // ---- decisions and the register ------------------------------------------------------------------------------

    @Test
    void aResponsibleProfessionalOver200CharactersIsRefusedNamingIt() {
        JsonNode receipt = journeys.refer(TestTokens.get().tokenFor("a.referrer@example.nhs", DsrRoles.PROFESSIONAL),
                ReferralRequests.aReferralOfSomeoneNew());
        journeys.contact(receipt.get("referralId").asText());
        journeys.recordConsent(receipt.get("personId").asText(), "ACTIVE");
        Map<String, Long> before = database.rowCounts();

        ApiResponse response = journeys.accept(receipt.get("referralId").asText(), Map.of(
                "criteria", Journeys.ALL_CRITERIA_MET, "responsibleProfessional", "p".repeat(201)));

        assertProblemNaming(response, "responsibleProfessional");
        assertThat(database.rowCounts()).isEqualTo(before);
    }

    @Test
    void aBlankResponsibleProfessionalIsRefusedNamingItNotAllocatedToNobody() {
        // Issue 15: a user id is left out (the referrer is responsible) or given; "" would allocate the person to no one.
        JsonNode receipt = journeys.refer(TestTokens.get().tokenFor("a.referrer@example.nhs", DsrRoles.PROFESSIONAL),
                ReferralRequests.aReferralOfSomeoneNew());
        journeys.contact(receipt.get("referralId").asText());
        journeys.recordConsent(receipt.get("personId").asText(), "ACTIVE");
        Map<String, Long> before = database.rowCounts();

        ApiResponse response = journeys.accept(receipt.get("referralId").asText(), Map.of(
                "criteria", Journeys.ALL_CRITERIA_MET, "responsibleProfessional", ""));

        assertProblemNaming(response, "responsibleProfessional");
        assertThat(database.rowCounts()).isEqualTo(before);
    }

    @Test
    void removalNotesOver4000CharactersAreRefusedNamingThem() {
        Journeys.OnRegister onRegister = journeys.putOnRegister(
                TestTokens.get().tokenFor("a.referrer@example.nhs", DsrRoles.PROFESSIONAL),
                ReferralRequests.aReferralOfSomeoneNew());
        Map<String, Long> before = database.rowCounts();

        ApiResponse response = api.post("/register/" + onRegister.registerEntryId() + "/removal", dsrTeam,
                Map.of("reason", "STEPPED_DOWN", "notes", "n".repeat(4001)));

        assertProblemNaming(response, "notes");
        assertThat(database.rowCounts()).isEqualTo(before);
    }

    @ParameterizedTest(name = "resolution {0}")
    @MethodSource("badResolutions")
    void aBadDuplicateResolutionIsRefusedNamingTheOutcome(Map<String, Object> body) {
        Map<String, Long> before = database.rowCounts();

        ApiResponse response = api.post("/worklists/people/possible-duplicates/" + UUID.randomUUID() + "/resolution",
                dsrTeam, body);

        assertProblemNaming(response, body.isEmpty() ? "outcome" : UNREADABLE + "outcome");
        assertThat(database.rowCounts()).isEqualTo(before);
    }

    static Stream<Map<String, Object>> badResolutions() {
        return Stream.of(Map.of(), Map.of("outcome", "MAYBE"), Map.of("outcome", "same_person"));
    }

    // ---- query parameters ----------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/worklists/referrals/first-contact?overdue=perhaps, overdue",
            "/worklists/referrals/first-contact?limit=0,         limit",
            "/worklists/referrals/first-contact?page=1,          page",
            "/worklists/referrals/first-contact?after=e30,       after",
            "/worklists/register/unallocated?limit=101,          limit",
            "/worklists/register/unallocated?after=e30,          after",
            "/worklists/people/possible-duplicates?page=first,   page",
            "/worklists/people/possible-duplicates?after=e30,    after"})
    void aBadWorklistParameterIsRefusedNamingIt(String path, String field) {
        assertProblemNaming(api.get(path, dsrTeam), field);
    }

    @ParameterizedTest(name = "audit trail ?{0}")
    @CsvSource({"before=0, before", "before=first, before", "size=0, size", "size=201, size", "size=many, size"})
    void aBadAuditTrailPageIsRefusedNamingItAndNothingIsAudited(String query, String field) {
        String personId = journeys.refer(TestTokens.get().tokenFor("a.referrer@example.nhs", DsrRoles.PROFESSIONAL),
                ReferralRequests.aReferralOfSomeoneNew()).get("personId").asText();
        Map<String, Long> before = database.rowCounts();

        ApiResponse response = api.get("/people/" + personId + "/audit?" + query, journeys.dsrLead());

        assertProblemNaming(response, field);
        assertThat(database.rowCounts()).isEqualTo(before);
    }
}
