package org.opendsr.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.LogCapture;
import org.opendsr.testkit.TestTokens;
import org.slf4j.LoggerFactory;

/**
 * A professional's referral through referral-service's API, with its real PostgreSQL and Kafka: what is received,
 * who may see it, how a person already known is recognised, and that a bad value is refused naming the field
 * with nothing written.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProfessionalReferralApiTest extends ReferralServiceUnderTest {

    private static final String REFERRER = "sam.patel@swindon-cldt.example";

    private String referrer;
    private ExecutorService callers;

    @BeforeAll
    void signIn() {
        referrer = TestTokens.get().tokenFor(REFERRER, List.of(DsrRoles.PROFESSIONAL),
                Map.of("organisation", "Swindon Community LD Team"), Duration.ofHours(1));
        callers = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    void tidyUp() {
        callers.shutdownNow();
    }

    // ---- receiving a referral -------------------------------------------------------------------------------

    @Test
    void aValidReferralIsReceivedWithItsLocationAndAReceipt() {
        Instant before = Instant.now();

        ApiResponse response = api.post("/referrals", referrer, ReferralRequests.aReferral().body());

        assertThat(response.status()).isEqualTo(201);
        JsonNode receipt = response.json();
        UUID referralId = UUID.fromString(receipt.get("referralId").asText());
        UUID personId = UUID.fromString(receipt.get("personId").asText());
        assertThat(response.header("Location")).isEqualTo("/referrals/" + referralId);
        assertThat(receipt.get("status").asText()).isEqualTo("RECEIVED");
        assertThat(receipt.has("personWasKnown")).as("the DSR team's to know, not the referrer's").isFalse();
        assertThat(Instant.parse(receipt.get("receivedAt").asText())).isBetween(before, Instant.now());
        assertThat(database.referralsOfPerson(personId.toString())).isEqualTo(1);
    }

    @Test
    void theReferrerSeesTheReferralAsTheyMadeItWithThePostcodeTidied() {
        String nhsNumber = TestNhsNumbers.next();
        ReferralRequests referral = ReferralRequests.aReferral()
                .with("nhsNumber", TestNhsNumbers.formatted(nhsNumber))
                .with("postcode", "sn12jh")
                .with("dateOfBirth", "2011-06-15");
        JsonNode receipt = api.post("/referrals", referrer, referral.body()).json();

        ApiResponse response = api.get("/referrals/" + receipt.get("referralId").asText(), referrer);

        assertThat(response.status()).isEqualTo(200);
        JsonNode view = response.json();
        assertThat(view.get("referralId").asText()).isEqualTo(receipt.get("referralId").asText());
        assertThat(view.get("route").asText()).isEqualTo("PROFESSIONAL");
        assertThat(view.get("status").asText()).isEqualTo("RECEIVED");
        assertThat(view.get("referredBy").asText()).isEqualTo(REFERRER);
        assertThat(view.get("referrerOrganisation").asText()).isEqualTo("Swindon Community LD Team");
        assertThat(view.get("reasonForReferral").asText()).isEqualTo(referral.get("reasonForReferral"));
        assertThat(view.get("currentIssues").asText()).isEqualTo(referral.get("currentIssues"));
        assertThat(view.get("whatHasBeenTried").asText()).isEqualTo(referral.get("whatHasBeenTried"));
        assertThat(view.get("whatCouldReduceRisk").asText()).isEqualTo(referral.get("whatCouldReduceRisk"));
        assertThat(view.get("indicativeRag").asText()).isEqualTo("AMBER");
        assertThat(view.get("person").get("personId").asText()).isEqualTo(receipt.get("personId").asText());
        assertThat(view.at("/person/familyName").isMissingNode() || view.at("/person/familyName").isNull())
                .as("the record the referral was linked to only once the DSR team has made first contact").isTrue();
        assertThat(view.path("detailsToReview").size()).as("the DSR team's").isZero();

        journeys.contact(receipt.get("referralId").asText());
        JsonNode person = api.get("/referrals/" + receipt.get("referralId").asText(), referrer).json().get("person");
        assertThat(person.get("personId").asText()).isEqualTo(receipt.get("personId").asText());
        assertThat(person.get("givenName").asText()).isEqualTo("Ottoline");
        assertThat(person.get("familyName").asText()).isEqualTo("Brackenbury-Quince");
        assertThat(person.get("dateOfBirth").asText()).isEqualTo("2011-06-15");
        assertThat(person.get("nhsNumber").asText()).isEqualTo(nhsNumber);
        assertThat(person.get("postcode").asText()).isEqualTo("SN1 2JH");
        assertThat(person.get("locality").asText()).isEqualTo("SWINDON");
    }

    @Test
    void onlyTheMinimumIsNeededTheRestIsOptional() {
        ReferralRequests minimal = ReferralRequests.aReferral()
                .without("nhsNumber").without("whatHasBeenTried").without("whatCouldReduceRisk")
                .without("indicativeRag").without("diagnosis");

        ApiResponse response = api.post("/referrals", referrer, minimal.body());

        assertThat(response.status()).isEqualTo(201);
        JsonNode view = api.get("/referrals/" + response.json().get("referralId").asText(),
                TestTokens.get().tokenFor("dsr", DsrRoles.DSR_TEAM)).json();
        assertThat(view.get("person").path("nhsNumber").isMissingNode() || view.get("person").get("nhsNumber").isNull())
                .as("no NHS number recorded").isTrue();
        assertThat(view.path("indicativeRag").isMissingNode() || view.get("indicativeRag").isNull()).isTrue();
    }

    // ---- one person per NHS number -------------------------------------------------------------------------

    @Test
    void theSameNhsNumberAgainLinksTheReferralToThePersonAlreadyKnown() {
        String nhsNumber = TestNhsNumbers.next();
        JsonNode first = api.post("/referrals", referrer,
                ReferralRequests.aReferral().with("nhsNumber", nhsNumber).body()).json();

        // Written differently, and by someone else: still the same person.
        String otherProfessional = TestTokens.get().tokenFor("jo.bloggs@wiltshire.example", DsrRoles.PROFESSIONAL);
        ApiResponse second = api.post("/referrals", otherProfessional, ReferralRequests.aReferral()
                .with("nhsNumber", nhsNumber.substring(0, 3) + "-" + nhsNumber.substring(3, 6) + "-" + nhsNumber.substring(6))
                .body());

        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("personId").asText()).isEqualTo(first.get("personId").asText());
        assertThat(second.json().get("referralId").asText()).isNotEqualTo(first.get("referralId").asText());
        assertThat(database.peopleWithNhsNumber(nhsNumber)).isEqualTo(1);
        assertThat(database.referralsOfPerson(first.get("personId").asText())).isEqualTo(2);
    }

    @Test
    void twoReferralsOfSomeoneNewArrivingTogetherMakeOnePerson() throws Exception {
        for (int round = 0; round < 5; round++) {
            String nhsNumber = TestNhsNumbers.next();
            CyclicBarrier together = new CyclicBarrier(2);
            List<CompletableFuture<ApiResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    awaitBarrier(together);
                    return api.post("/referrals", referrer, ReferralRequests.aReferral().with("nhsNumber", nhsNumber).body());
                }, callers));
            }
            List<ApiResponse> responses = new ArrayList<>();
            for (CompletableFuture<ApiResponse> call : calls) {
                responses.add(call.get(30, TimeUnit.SECONDS));
            }

            assertThat(responses).extracting(ApiResponse::status).containsExactly(201, 201);
            assertThat(responses).extracting(response -> response.json().get("personId").asText())
                    .as("both referrals link to one person").containsOnly(responses.get(0).json().get("personId").asText());
            assertThat(database.peopleWithNhsNumber(nhsNumber)).isEqualTo(1);
            assertThat(database.referralsOfPerson(responses.get(0).json().get("personId").asText())).isEqualTo(2);
        }
    }

    @Test
    void twoReferralsOfTheSameNewPersonWithoutAnNhsNumberArrivingTogetherFlagEachOther() throws Exception {
        for (int round = 0; round < 5; round++) {
            ReferralRequests referral = ReferralRequests.aReferralOfSomeoneNew().without("nhsNumber");
            CyclicBarrier together = new CyclicBarrier(2);
            List<CompletableFuture<ApiResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    awaitBarrier(together);
                    return api.post("/referrals", referrer, referral.body());
                }, callers));
            }
            List<String> people = new ArrayList<>();
            for (CompletableFuture<ApiResponse> call : calls) {
                ApiResponse response = call.get(30, TimeUnit.SECONDS);
                assertThat(response.status()).as(response.text()).isEqualTo(201);
                people.add(response.json().get("personId").asText());
            }

            assertThat(people).as("without an NHS number, two people").doesNotHaveDuplicates();
            assertThat(database.count("SELECT count(*) FROM possible_duplicate WHERE (person_a = ?::uuid AND person_b ="
                    + " ?::uuid) OR (person_a = ?::uuid AND person_b = ?::uuid)", people.get(0), people.get(1),
                    people.get(1), people.get(0))).as("flagged, once").isOne();
            for (String personId : people) {
                assertThat(database.count("SELECT count(*) FROM dsr_kit.audit_entry WHERE person_id = ?::uuid"
                        + " AND actor = '/dsr/referral-service' AND action = 'CHANGED' AND purpose = 'DATA_QUALITY'"
                        + " AND what LIKE 'flagged as a possible duplicate of person %'", personId))
                        .as("the flag is on each person's audit trail").isOne();
            }
        }
    }

    private static void awaitBarrier(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- refusals ------------------------------------------------------------------------------------------

    static Stream<BadValue> badValues() {
        LocalDate today = LocalDate.now();
        return Stream.of(
                BadValue.missing("givenName"),
                BadValue.of("a blank given name", "givenName", "   "),
                BadValue.of("a given name over 100 characters", "givenName", "A".repeat(101)),
                BadValue.missing("familyName"),
                BadValue.of("a blank family name", "familyName", ""),
                BadValue.missing("dateOfBirth"),
                BadValue.of("a date of birth that is not a date", "dateOfBirth", "15/06/2011"),
                BadValue.of("a date of birth that does not exist", "dateOfBirth", "2011-02-30"),
                BadValue.of("a date of birth in the future", "dateOfBirth", today.plusDays(1).toString()),
                BadValue.of("a date of birth over 120 years ago", "dateOfBirth", today.minusYears(120).minusDays(1).toString()),
                BadValue.of("an NHS number with a wrong check digit", "nhsNumber", "943 476 5918"),
                BadValue.of("an NHS number whose check digit would be 10", "nhsNumber", "943 476 5960"),
                BadValue.of("an NHS number of 9 digits", "nhsNumber", "943 476 591"),
                BadValue.of("an NHS number with a letter", "nhsNumber", "943 476 591X"),
                BadValue.missing("postcode"),
                BadValue.of("a postcode that is not a UK postcode", "postcode", "75008"),
                BadValue.of("a postcode without its inward code", "postcode", "SN1"),
                BadValue.of("a postcode over 10 characters", "postcode", "SN1 2JH SN1 2JH"),
                BadValue.missing("locality"),
                BadValue.of("a locality the ICB does not have", "locality", "LEEDS"),
                BadValue.missing("reasonForReferral"),
                BadValue.of("a blank reason for referral", "reasonForReferral", " \n "),
                BadValue.of("a reason for referral over 4000 characters", "reasonForReferral", "r".repeat(4001)),
                BadValue.missing("currentIssues"),
                BadValue.of("blank current issues", "currentIssues", "  "),
                BadValue.of("current issues over 4000 characters", "currentIssues", "c".repeat(4001)),
                BadValue.of("what has been tried over 4000 characters", "whatHasBeenTried", "t".repeat(4001)),
                BadValue.of("what could reduce risk over 4000 characters", "whatCouldReduceRisk", "w".repeat(4001)),
                // Control characters, refused by the kit's one text rule (PostgreSQL cannot store a NUL at all).
                BadValue.of("a NUL in the given name", "givenName", "A\u0000B"),
                BadValue.of("a NUL in the reason for referral", "reasonForReferral", "Placement\u0000 at risk"),
                BadValue.of("an escape character in a contact's name", "contacts",
                        List.of(Map.of("relationship", "PARENT_OR_CARER", "name", "Ruth\u001b[2J", "phone", "01793 000000")),
                        "contacts[0].name"),
                BadValue.of("a NUL in an address line", "address", Map.of("line1", "1 High St\u0000"), "address.line1"),
                BadValue.of("an indicative RAG that is not a rating", "indicativeRag", "PURPLE"),
                BadValue.of("an indicative RAG in lower case", "indicativeRag", "amber"),
                // The optional parts of the person's record a referrer may add.
                BadValue.of("a diagnosis that is not one", "diagnosis", "ADHD"),
                BadValue.of("an address line over 200 characters", "address", Map.of("line1", "l".repeat(201)),
                        "address.line1"),
                BadValue.of("an ethnic category that is not a Data Dictionary code", "demographics",
                        Map.of("ethnicCategory", "Q"), "demographics.ethnicCategory"),
                BadValue.of("a gender identity that is not a Data Dictionary code", "demographics",
                        Map.of("genderIdentity", "male"), "demographics.genderIdentity"),
                BadValue.of("a carer without a name", "contacts",
                        List.of(Map.of("relationship", "PARENT_OR_CARER", "phone", "01793 000000")), "contacts[0].name"),
                BadValue.of("a contact with neither phone nor email", "contacts",
                        List.of(Map.of("relationship", "PERSON")), "contacts[0].phone"),
                BadValue.of("a contact's email that is not one", "contacts",
                        List.of(Map.of("relationship", "PERSON", "email", "not-an-email")), "contacts[0].email"),
                BadValue.of("parental responsibility for a paid carer", "contacts",
                        List.of(Map.of("relationship", "PAID_CARER", "name", "Care Co", "phone", "01793 000000",
                                "hasParentalResponsibility", true)), "contacts[0].hasParentalResponsibility"),
                BadValue.of("a key professional without a role", "keyProfessionals",
                        List.of(Map.of("name", "Priya Shah", "organisation", "CAMHS", "email", "priya@example.org")),
                        "keyProfessionals[0].role"),
                BadValue.of("a key professional's phone that is not one", "keyProfessionals",
                        List.of(Map.of("name", "Priya Shah", "role", "Nurse", "organisation", "CAMHS", "phone", "ext. 12")),
                        "keyProfessionals[0].phone"),
                BadValue.of("a family name over 100 characters", "familyName", "F".repeat(101)),
                BadValue.of("a second address line over 200 characters", "address", Map.of("line2", "l".repeat(201)),
                        "address.line2"),
                BadValue.of("a town over 100 characters", "address", Map.of("town", "t".repeat(101)),
                        "address.town"),
                BadValue.of("a contact's phone that is not one", "contacts",
                        List.of(Map.of("relationship", "PERSON", "phone", "call the office")), "contacts[0].phone"),
                BadValue.of("parental responsibility as yes rather than true", "contacts",
                        List.of(Map.of("relationship", "PARENT_OR_CARER", "name", "Ruth", "phone", "01793 000000",
                                "hasParentalResponsibility", "yes")), ApiProblems.UNREADABLE + "hasParentalResponsibility"),
                BadValue.of("more than 20 contacts", "contacts", java.util.Collections.nCopies(21,
                        Map.of("relationship", "PERSON", "phone", "01793 000000")), "contacts"),
                BadValue.of("a key professional without a name", "keyProfessionals",
                        List.of(Map.of("name", " ", "role", "Nurse", "organisation", "CAMHS", "email", "p@example.org")),
                        "keyProfessionals[0].name"),
                BadValue.of("a key professional's name over 200 characters", "keyProfessionals",
                        List.of(Map.of("name", "n".repeat(201), "role", "Nurse", "organisation", "CAMHS",
                                "email", "p@example.org")), "keyProfessionals[0].name"),
                BadValue.of("a key professional without an organisation", "keyProfessionals",
                        List.of(Map.of("name", "Priya Shah", "role", "Nurse", "email", "p@example.org")),
                        "keyProfessionals[0].organisation"),
                BadValue.of("a key professional's email that is not one", "keyProfessionals",
                        List.of(Map.of("name", "Priya Shah", "role", "Nurse", "organisation", "CAMHS",
                                "email", "priya at camhs")), "keyProfessionals[0].email"),
                BadValue.of("a key professional's user id over 200 characters", "keyProfessionals",
                        List.of(Map.of("name", "Priya Shah", "role", "Nurse", "organisation", "CAMHS",
                                "email", "p@example.org", "userId", "u".repeat(201))), "keyProfessionals[0].userId"),
                // Issue 15: an optional identifier or code is left out or given; blank is neither, and refused.
                BadValue.of("an empty NHS number", "nhsNumber", ""),
                BadValue.of("a blank NHS number", "nhsNumber", "   "),
                BadValue.of("an empty ethnic category", "demographics", Map.of("ethnicCategory", ""),
                        "demographics.ethnicCategory"),
                BadValue.of("a blank gender identity", "demographics", Map.of("genderIdentity", " "),
                        "demographics.genderIdentity"),
                BadValue.of("an empty address line", "address", Map.of("line1", ""), "address.line1"),
                BadValue.of("a blank town", "address", Map.of("line1", "1 High St", "town", "  "), "address.town"),
                BadValue.of("a contact's empty email beside a phone", "contacts",
                        List.of(Map.of("relationship", "PERSON", "phone", "01793 000000", "email", "")),
                        "contacts[0].email"),
                BadValue.of("a contact's blank phone beside an email", "contacts",
                        List.of(Map.of("relationship", "PERSON", "phone", " ", "email", "p@example.org")),
                        "contacts[0].phone"),
                BadValue.of("a key professional's empty user id", "keyProfessionals",
                        List.of(Map.of("name", "Priya Shah", "role", "Nurse", "organisation", "CAMHS",
                                "email", "p@example.org", "userId", "")), "keyProfessionals[0].userId"),
                BadValue.of("a key professional's blank email beside a phone", "keyProfessionals",
                        List.of(Map.of("name", "Priya Shah", "role", "Nurse", "organisation", "CAMHS",
                                "phone", "01793 000000", "email", "  ")), "keyProfessionals[0].email"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void aBadValueIsRefusedNamingTheFieldAndNothingIsWritten(BadValue bad) {
        Map<String, Long> before = database.rowCounts();

        ApiResponse response = api.post("/referrals", referrer, bad.applyTo(ReferralRequests.aReferral()).body());

        assertProblemNaming(response, 400, bad.named());
        // Values as short as "SN1" cannot be told apart from the guidance in the message ("e.g. SN1 2JH").
        if (bad.value() instanceof String text && text.strip().length() >= 5) {
            assertThat(response.text()).as("the refusal does not quote what was sent").doesNotContain(text);
        }
        assertThat(database.rowCounts()).as("rows in person, referral and the outbox").isEqualTo(before);
    }

    @Test
    void everyBadFieldOfARequestIsNamedAtOnce() {
        Map<String, Long> before = database.rowCounts();

        ApiResponse response = api.post("/referrals", referrer,
                ReferralRequests.aReferral().without("givenName").with("currentIssues", "").body());

        assertProblemNaming(response, 400, "givenName");
        assertThat(fieldsNamed(response)).contains("givenName", "currentIssues");
        assertThat(database.rowCounts()).isEqualTo(before);
    }

    // ---- who may refer and who may read ----------------------------------------------------------------------

    @Test
    void withoutATokenNothingIsReceived() {
        Map<String, Long> before = database.rowCounts();

        ApiResponse response = api.post("/referrals", null, ReferralRequests.aReferral().body());

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(database.rowCounts()).isEqualTo(before);
    }

    @Test
    void anAnalystOrAnAgencySystemCannotReferThroughThisApi() {
        Map<String, Long> before = database.rowCounts();

        for (String role : List.of(DsrRoles.ANALYST, DsrRoles.AGENCY_SYSTEM)) {
            ApiResponse response = api.post("/referrals", TestTokens.get().tokenFor("someone-" + role, role),
                    ReferralRequests.aReferral().body());

            assertThat(response.status()).as(role).isEqualTo(403);
            assertThat(response.contentType()).as(role).startsWith("application/problem+json");
        }
        assertThat(database.rowCounts()).isEqualTo(before);
    }

    @Test
    void theDsrTeamAndTheDsrLeadMayReferToo() {
        for (String role : List.of(DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD)) {
            ApiResponse response = api.post("/referrals", TestTokens.get().tokenFor("dsr-" + role, role),
                    ReferralRequests.aReferral().body());

            assertThat(response.status()).as(role).isEqualTo(201);
        }
    }

    @Test
    void anotherProfessionalIsToldThereIsNoSuchReferral() {
        String referralId = api.post("/referrals", referrer, ReferralRequests.aReferral().body()).json()
                .get("referralId").asText();
        String someoneElse = TestTokens.get().tokenFor("alex.other@bath.example", DsrRoles.PROFESSIONAL);

        ApiResponse response = api.get("/referrals/" + referralId, someoneElse);

        // Not 403: a professional is not even told that a referral they did not make exists.
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text()).doesNotContain("Ottoline").doesNotContain("Brackenbury");
    }

    @Test
    void theDsrTeamAndTheDsrLeadSeeEveryReferral() {
        String referralId = api.post("/referrals", referrer, ReferralRequests.aReferral().body()).json()
                .get("referralId").asText();

        for (String role : List.of(DsrRoles.DSR_TEAM, DsrRoles.DSR_LEAD)) {
            ApiResponse response = api.get("/referrals/" + referralId, TestTokens.get().tokenFor("dsr-" + role, role));

            assertThat(response.status()).as(role).isEqualTo(200);
            assertThat(response.json().get("referredBy").asText()).isEqualTo(REFERRER);
        }
    }

    @Test
    void anAnalystAnAgencySystemOrNoOneAtAllCannotReadAReferral() {
        String referralId = api.post("/referrals", referrer, ReferralRequests.aReferral().body()).json()
                .get("referralId").asText();

        assertThat(api.get("/referrals/" + referralId, TestTokens.get().tokenFor("an-analyst", DsrRoles.ANALYST)).status())
                .isEqualTo(403);
        assertThat(api.get("/referrals/" + referralId, TestTokens.get().tokenFor("a-system", DsrRoles.AGENCY_SYSTEM)).status())
                .isEqualTo(403);
        assertThat(api.get("/referrals/" + referralId, null).status()).isEqualTo(401);
    }

    @Test
    void aReferralThatDoesNotExistIsNotFound() {
        ApiResponse response = api.get("/referrals/" + UUID.randomUUID(), TestTokens.get().tokenFor("dsr", DsrRoles.DSR_TEAM));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aReferralIdThatIsNotAUuidIsRefusedNamingIt() {
        ApiResponse response = api.get("/referrals/not-a-referral-id", TestTokens.get().tokenFor("dsr", DsrRoles.DSR_TEAM));

        assertProblemNaming(response, 400, "referralId");
    }

    // ---- information governance -------------------------------------------------------------------------------

    @Test
    void noLogLineCarriesThePersonsNameNhsNumberDateOfBirthOrPostcode() {
        String nhsNumber = TestNhsNumbers.next();
        ReferralRequests referral = ReferralRequests.aReferral()
                .with("givenName", "Perpetua")
                .with("familyName", "Wolstenholme")
                .with("dateOfBirth", "2010-09-23")
                .with("nhsNumber", TestNhsNumbers.formatted(nhsNumber))
                .with("postcode", "ba2 7ay")
                .with("locality", "BATH_AND_NORTH_EAST_SOMERSET");

        // The service's own code must not log personal data at any level, debug included.
        ch.qos.logback.classic.Logger serviceLogs = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.opendsr");
        Level configured = serviceLogs.getLevel();
        serviceLogs.setLevel(Level.DEBUG);
        try (LogCapture logs = LogCapture.capture()) {
            String referralId = api.post("/referrals", referrer, referral.body()).json().get("referralId").asText();
            api.post("/referrals", referrer, referral.body());
            api.get("/referrals/" + referralId, referrer);
            api.get("/referrals/" + referralId, TestTokens.get().tokenFor("someone-else", DsrRoles.PROFESSIONAL));
            api.post("/referrals", referrer, referral.with("locality", "NOWHERE").body());
            api.post("/referrals", referrer, referral.with("nhsNumber", "943 476 5918").body());

            assertThat(logs.linesContainingAnyOf("Perpetua", "Wolstenholme", nhsNumber,
                    TestNhsNumbers.formatted(nhsNumber), "2010-09-23", "23/09/2010", "BA2 7AY", "BA27AY", "9434765918",
                    "943 476 5918")).isEmpty();
        } finally {
            serviceLogs.setLevel(configured);
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static void assertProblemNaming(ApiResponse response, int status, String field) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        if (field.startsWith(ApiProblems.UNREADABLE)) {
            String property = field.substring(ApiProblems.UNREADABLE.length());
            assertThat(fieldsNamed(response)).as(response.text()).anySatisfy(path -> assertThat(path).contains(property));
        } else {
            assertThat(fieldsNamed(response)).as(response.text()).contains(field);
        }
    }

    private static List<String> fieldsNamed(ApiResponse response) {
        JsonNode errors = response.json().get("errors");
        return errors == null ? List.of() : errors.findValuesAsText("field");
    }
}
