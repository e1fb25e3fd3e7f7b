package org.opendsr.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendsr.referral.ApiProblems.assertProblem;
import static org.opendsr.referral.ApiProblems.assertProblemNaming;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opendsr.contracts.EventTypes;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.TestTokens;

/**
 * The register and the DSR team's worklists: who is on the register (by status, locality, responsible professional,
 * overdue first contact, a page at a time), removal with a reason, responsibility allocated and given up (and the
 * re-allocation worklist it feeds), and the first-contact worklist as time passes (the service's clock is moved).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegisterApiTest extends ReferralServiceUnderTest {

    private String dsrTeam;

    @BeforeAll
    void signIn() {
        dsrTeam = journeys.dsrTeam();
    }

    /** A professional of their own, so a test can find the people it put on the register by responsible professional. */
    private static Professional aProfessional() {
        String userId = "professional-" + UUID.randomUUID() + "@example.nhs";
        return new Professional(userId, TestTokens.get().tokenFor(userId, DsrRoles.PROFESSIONAL));
    }

    record Professional(String userId, String token) {
    }

    // ---- the register listing ---------------------------------------------------------------------------------------

    @Test
    void theRegisterListsPeopleByFamilyNameAPageAtATime() {
        Professional professional = aProfessional();
        for (String family : List.of("Cotterill", "Abernethy", "Bramwell")) {
            journeys.putOnRegister(professional.token(), ReferralRequests.aReferralOfSomeoneNew().with("familyName", family));
        }

        JsonNode first = register("responsibleProfessional=" + professional.userId() + "&limit=2");
        JsonNode second = register("responsibleProfessional=" + professional.userId() + "&limit=2&after="
                + first.get("next").asText());

        assertThat(first.get("total").asLong()).isEqualTo(3);
        assertThat(first.get("limit").asInt()).isEqualTo(2);
        assertThat(first.get("next").asText()).as("an opaque cursor: no name in it")
                .doesNotContainIgnoringCase("Bramwell").doesNotContain("=");
        assertThat(second.get("next").isNull()).as("the last page").isTrue();
        assertThat(first.get("items").findValuesAsText("familyName")).containsExactly("Abernethy", "Bramwell");
        assertThat(second.get("items").findValuesAsText("familyName")).containsExactly("Cotterill");
        JsonNode line = first.get("items").get(0);
        assertThat(line.get("status").asText()).isEqualTo("ON_REGISTER");
        assertThat(line.get("responsibleProfessional").asText()).isEqualTo(professional.userId());
        assertThat(line.get("registerEntryId").asText()).isNotBlank();
        assertThat(line.get("locality").asText()).isEqualTo("SWINDON");
        JsonNode lastLine = register("responsibleProfessional=" + professional.userId() + "&limit=3");
        JsonNode pastTheEnd = register("responsibleProfessional=" + professional.userId() + "&after="
                + cursorAfter(lastLine.get("items").get(2).get("personId").asText()));
        assertThat(pastTheEnd.get("items")).isEmpty();
        assertThat(pastTheEnd.get("total").asLong()).as("the total, even past the end").isEqualTo(3);
    }

    @Test
    void pagesFollowFamilyThenGivenNameWhateverTheCaseWithNoLineRepeatedOrMissed() {
        Professional professional = aProfessional();
        String suffix = TestNames.suffix();
        // Put on the register out of order; "yew" and "Yew" are one family name to the listing.
        List<List<String>> people = List.of(List.of("Yew", "Bea" + suffix), List.of("ash", "Cy" + suffix),
                List.of("yew", "Abe" + suffix), List.of("Alder", "Zed" + suffix));
        for (List<String> person : people) {
            journeys.putOnRegister(professional.token(), ReferralRequests.aReferralOfSomeoneNew()
                    .with("familyName", person.get(0)).with("givenName", person.get(1)));
        }

        JsonNode first = register("responsibleProfessional=" + professional.userId() + "&limit=3");
        JsonNode second = register("responsibleProfessional=" + professional.userId() + "&limit=3&after="
                + first.get("next").asText());

        assertThat(first.get("items").findValuesAsText("givenName"))
                .containsExactly("Zed" + suffix, "Cy" + suffix, "Abe" + suffix);
        assertThat(second.get("items").findValuesAsText("givenName")).containsExactly("Bea" + suffix);
        assertThat(first.get("total").asLong()).isEqualTo(4);
        assertThat(second.get("total").asLong()).isEqualTo(4);
    }

    @Test
    void theListingFiltersByLocalityAndStatus() {
        Professional professional = aProfessional();
        Journeys.OnRegister inWiltshire = journeys.putOnRegister(professional.token(),
                ReferralRequests.aReferralOfSomeoneNew().with("locality", "WILTSHIRE"));
        journeys.putOnRegister(professional.token(), ReferralRequests.aReferralOfSomeoneNew().with("locality", "SWINDON"));
        String referred = journeys.refer(professional.token(), ReferralRequests.aReferralOfSomeoneNew()).get("personId").asText();

        assertThat(register("locality=WILTSHIRE&responsibleProfessional=" + professional.userId())
                .get("items").findValuesAsText("personId")).containsExactly(inWiltshire.personId());
        assertThat(personIds(register("status=REFERRED&limit=100"))).contains(referred)
                .doesNotContain(inWiltshire.personId());
        assertThat(personIds(register("status=ON_REGISTER&limit=100"))).contains(inWiltshire.personId())
                .doesNotContain(referred);
    }

    @Test
    void someoneRemovedIsListedByStatusWithWhenAndWhyTheyLeft() {
        Journeys.OnRegister onRegister = journeys.putOnRegister(aProfessional().token(),
                ReferralRequests.aReferralOfSomeoneNew());
        ApiResponse removal = api.post("/register/" + onRegister.registerEntryId() + "/removal", dsrTeam,
                Map.of("reason", "MOVED_OUT_OF_AREA"));
        java.time.LocalDate removedOn = java.time.Instant.parse(removal.json().get("removedAt").asText())
                .atZone(java.time.ZoneId.of("Europe/London")).toLocalDate();

        JsonNode line = lineOf(onRegister.personId(), "status=REMOVED");

        assertThat(line).as("listed as REMOVED").isNotNull();
        assertThat(line.get("status").asText()).isEqualTo("REMOVED");
        assertThat(line.get("removalReason").asText()).isEqualTo("MOVED_OUT_OF_AREA");
        assertThat(line.get("removedOn").asText()).isEqualTo(removedOn.toString());
        assertThat(line.path("registerEntryId").isMissingNode() || line.get("registerEntryId").isNull()).isTrue();
    }

    @Test
    void withoutAStatusTheListingIsTheCurrentWorkOnTheRegisterAndReferred() {
        Professional professional = aProfessional();
        Journeys.OnRegister onRegister = journeys.putOnRegister(professional.token(), ReferralRequests.aReferralOfSomeoneNew());
        Journeys.OnRegister removed = journeys.putOnRegister(professional.token(), ReferralRequests.aReferralOfSomeoneNew());
        api.post("/register/" + removed.registerEntryId() + "/removal", dsrTeam, Map.of("reason", "STEPPED_DOWN"));
        String referred = journeys.refer(professional.token(), ReferralRequests.aReferralOfSomeoneNew()).get("personId").asText();
        JsonNode declined = journeys.refer(professional.token(), ReferralRequests.aReferralOfSomeoneNew());
        journeys.contact(declined.get("referralId").asText());
        api.post("/referrals/" + declined.get("referralId").asText() + "/declinal", dsrTeam,
                Map.of("reason", "OTHER", "criteria", Journeys.ALL_CRITERIA_MET));

        assertThat(lineOf(onRegister.personId(), "")).isNotNull();
        assertThat(lineOf(referred, "")).isNotNull();
        assertThat(lineOf(removed.personId(), "")).as("removed: listed only by status").isNull();
        assertThat(lineOf(declined.get("personId").asText(), "")).as("not accepted: listed only by status").isNull();
        assertThat(lineOf(declined.get("personId").asText(), "status=NOT_ACCEPTED")).isNotNull();
    }

    @Test
    void listingSomeoneIsOnTheirAuditTrail() {
        Professional professional = aProfessional();
        Journeys.OnRegister onRegister = journeys.putOnRegister(professional.token(), ReferralRequests.aReferralOfSomeoneNew());

        register("responsibleProfessional=" + professional.userId());

        JsonNode trail = api.get("/people/" + onRegister.personId() + "/audit", journeys.dsrLead()).json();
        assertThat(trail.get("items")).anySatisfy(entry -> {
            assertThat(entry.get("action").asText()).isEqualTo("LISTED");
            assertThat(entry.get("what").asText()).isEqualTo("register listing");
            assertThat(entry.get("purpose").asText()).isEqualTo("REGISTER_MANAGEMENT");
        });
    }

    @ParameterizedTest(name = "?{0} is refused naming {1}")
    @CsvSource({
            "locality=LEEDS,            locality",
            "status=ACTIVE,             status",
            "overdueContact=perhaps,    overdueContact",
            "limit=0,                   limit",
            "limit=101,                 limit",
            "limit=many,                limit",
            "after=not-a-cursor,        after",
            "after=bm90LWEtdXVpZA,      after",
            // Offset paging is gone: refused rather than silently showing the first page.
            "page=1,                    page",
            "page=100000,               page"})
    void aBadFilterIsRefusedNamingIt(String query, String field) {
        assertProblemNaming(api.get("/register?" + query, dsrTeam), field);
    }

    @Test
    void theRegisterAndWorklistsAreForTheDsrTeam() {
        for (String role : List.of(DsrRoles.PROFESSIONAL, DsrRoles.ANALYST, DsrRoles.AGENCY_SYSTEM, DsrRoles.ADMIN)) {
            String token = TestTokens.get().tokenFor("someone-" + role, role);
            for (String path : List.of("/register", "/worklists/referrals/first-contact", "/worklists/register/unallocated",
                    "/worklists/people/possible-duplicates")) {
                assertThat(api.get(path, token).status()).as(role + " " + path).isEqualTo(403);
            }
        }
        assertThat(api.get("/register", TestTokens.get().tokenFor("lead", DsrRoles.DSR_LEAD)).status()).isEqualTo(200);
    }

    // ---- removal ------------------------------------------------------------------------------------------------------

    @Test
    void theDsrTeamRemovesSomeoneWithTheReason() {
        Journeys.OnRegister onRegister = journeys.putOnRegister(aProfessional().token(), ReferralRequests.aReferralOfSomeoneNew());

        ApiResponse removed = api.post("/register/" + onRegister.registerEntryId() + "/removal", dsrTeam,
                Map.of("reason", "STEPPED_DOWN", "notes", "Settled in new placement for 6 months"));

        assertThat(removed.status()).as(removed.text()).isEqualTo(200);
        assertThat(removed.json().get("onRegister").asBoolean()).isFalse();
        assertThat(removed.json().get("removalReason").asText()).isEqualTo("STEPPED_DOWN");
        assertThat(events.awaitEvent(EventTypes.REGISTER_PERSON_REMOVED_V1, onRegister.personId()).get("reason").asText())
                .isEqualTo("STEPPED_DOWN");
        assertThat(journeys.person(onRegister.personId()).at("/register/status").asText()).isEqualTo("REMOVED");

        Map<String, Long> before = database.rowCounts();
        assertProblem(api.post("/register/" + onRegister.registerEntryId() + "/removal", dsrTeam, Map.of("reason", "DIED")),
                409, "urn:dsr:problem:register-entry-closed");
        assertThat(database.rowCounts()).isEqualTo(before);
    }

    @Test
    void removalForConsentFollowsConsentServiceAndIsRefusedHere() {
        Journeys.OnRegister onRegister = journeys.putOnRegister(aProfessional().token(), ReferralRequests.aReferralOfSomeoneNew());
        Map<String, Long> before = database.rowCounts();

        ApiResponse response = api.post("/register/" + onRegister.registerEntryId() + "/removal", dsrTeam,
                Map.of("reason", "CONSENT_WITHDRAWN"));

        assertProblemNaming(response, "reason");
        assertThat(response.json().at("/errors/0/message").asText()).contains("consent-service");
        assertThat(database.rowCounts()).isEqualTo(before);
    }

    @Test
    void removalNeedsAKnownEntryAReasonAndTheDsrTeam() {
        Journeys.OnRegister onRegister = journeys.putOnRegister(aProfessional().token(), ReferralRequests.aReferralOfSomeoneNew());

        assertProblem(api.post("/register/" + UUID.randomUUID() + "/removal", dsrTeam, Map.of("reason", "DIED")), 404,
                "urn:dsr:problem:not-found");
        assertProblemNaming(api.post("/register/" + onRegister.registerEntryId() + "/removal", dsrTeam, Map.of()), "reason");
        assertProblemNaming(api.post("/register/" + onRegister.registerEntryId() + "/removal", dsrTeam,
                Map.of("reason", "BORED")), "reason");
        assertProblemNaming(api.post("/register/not-an-entry/removal", dsrTeam, Map.of("reason", "DIED")),
                "registerEntryId");
        assertThat(api.post("/register/" + onRegister.registerEntryId() + "/removal",
                TestTokens.get().tokenFor("p", DsrRoles.PROFESSIONAL), Map.of("reason", "DIED")).status()).isEqualTo(403);
    }

    // ---- responsibility ----------------------------------------------------------------------------------------------

    @Test
    void whenTheResponsibleProfessionalDischargesThePersonTheEntryWaitsForReallocation() {
        Professional professional = aProfessional();
        Journeys.OnRegister onRegister = journeys.putOnRegister(professional.token(), ReferralRequests.aReferralOfSomeoneNew());

        ApiResponse discharged = api.post("/register/" + onRegister.registerEntryId() + "/responsible-professional",
                professional.token(), Map.of("change", "DISCHARGED_BY_PROFESSIONAL"));

        assertThat(discharged.status()).as(discharged.text()).isEqualTo(200);
        assertThat(discharged.json().path("responsibleProfessional").isMissingNode()
                || discharged.json().get("responsibleProfessional").isNull()).isTrue();
        JsonNode released = events.awaitEvent(EventTypes.REGISTER_RESPONSIBILITY_CHANGED_V1, onRegister.personId(),
                data -> !"ALLOCATED".equals(data.get("change").asText()));
        assertThat(released.get("change").asText()).isEqualTo("DISCHARGED_BY_PROFESSIONAL");
        assertThat(released.path("responsibleProfessional").isMissingNode() || released.get("responsibleProfessional").isNull())
                .isTrue();
        JsonNode waiting = unallocated(onRegister.registerEntryId());
        assertThat(waiting).as("on the re-allocation worklist").isNotNull();
        assertThat(waiting.get("personId").asText()).isEqualTo(onRegister.personId());
        assertThat(waiting.get("unallocatedSince").asText()).isNotBlank();

        Professional successor = aProfessional();
        ApiResponse allocated = api.post("/register/" + onRegister.registerEntryId() + "/responsible-professional",
                dsrTeam, Map.of("change", "ALLOCATED", "responsibleProfessional", successor.userId()));

        assertThat(allocated.status()).as(allocated.text()).isEqualTo(200);
        assertThat(unallocated(onRegister.registerEntryId())).as("off the worklist").isNull();
        assertThat(journeys.person(onRegister.personId()).at("/register/responsibleProfessional").asText())
                .isEqualTo(successor.userId());
        assertThat(api.get("/people/" + onRegister.personId(), successor.token()).status())
                .as("the new responsible professional sees the person").isEqualTo(200);
    }

    @Test
    void whenTheProfessionalLeavesTheDsrTeamRecordsIt() {
        Journeys.OnRegister onRegister = journeys.putOnRegister(aProfessional().token(), ReferralRequests.aReferralOfSomeoneNew());

        ApiResponse left = api.post("/register/" + onRegister.registerEntryId() + "/responsible-professional", dsrTeam,
                Map.of("change", "PROFESSIONAL_LEFT"));

        assertThat(left.status()).isEqualTo(200);
        assertThat(unallocated(onRegister.registerEntryId())).isNotNull();
        assertProblem(api.post("/register/" + onRegister.registerEntryId() + "/responsible-professional", dsrTeam,
                Map.of("change", "PROFESSIONAL_LEFT")), 409, "urn:dsr:problem:not-allocated");
    }

    @Test
    void onlyTheDsrTeamAllocatesAndOnlyTheResponsibleProfessionalOrTheTeamGivesItUp() {
        Professional professional = aProfessional();
        Journeys.OnRegister onRegister = journeys.putOnRegister(professional.token(), ReferralRequests.aReferralOfSomeoneNew());
        String path = "/register/" + onRegister.registerEntryId() + "/responsible-professional";
        Map<String, Long> before = database.rowCounts();

        assertProblem(api.post(path, professional.token(), Map.of("change", "ALLOCATED", "responsibleProfessional", "x")),
                403, "urn:dsr:problem:forbidden");
        assertProblem(api.post(path, aProfessional().token(), Map.of("change", "PROFESSIONAL_LEFT")), 404,
                "urn:dsr:problem:not-found");
        assertProblemNaming(api.post(path, dsrTeam, Map.of("change", "ALLOCATED")), "responsibleProfessional");
        assertProblemNaming(api.post(path, dsrTeam, Map.of("change", "RETIRED")), "change");
        assertProblem(api.post(path, dsrTeam, Map.of("change", "ALLOCATED", "responsibleProfessional", professional.userId())),
                409, "urn:dsr:problem:already-responsible");
        // Nothing changed but the audit of the two refused attempts (issue 11: every refusal is on the trail).
        Map<String, Long> expected = new java.util.LinkedHashMap<>(before);
        expected.merge("dsr_kit.audit_entry", 2L, Long::sum);
        assertThat(database.rowCounts()).isEqualTo(expected);
    }

    // ---- first contact as time passes ------------------------------------------------------------------------------

    @Test
    void aNewReferralIsDueForFirstContactThenOverdueAndLeavesTheWorklistWhenContacted() {
        JsonNode receipt = journeys.refer(aProfessional().token(), ReferralRequests.aReferralOfSomeoneNew());
        String referralId = receipt.get("referralId").asText();
        LocalDate dueOn = LocalDate.parse(receipt.get("firstContactDueOn").asText());
        LocalDate today = LocalDate.ofInstant(java.time.Instant.parse(api.get("/testing/clock", null).json()
                .get("now").asText()), ZoneId.of("Europe/London"));
        assertThat(dueOn).isAfter(today.plusDays(5)).isBeforeOrEqualTo(today.plusDays(14));

        JsonNode due = awaitingContact(referralId, "overdue=false");
        assertThat(due).isNotNull();
        assertThat(due.get("firstContactDueOn").asText()).isEqualTo(dueOn.toString());
        assertThat(awaitingContact(referralId, "overdue=true")).isNull();

        // Three weeks later nobody has called.
        ApiResponse moved = api.post("/testing/clock", null, Map.of("advanceBy", "P21D"));
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);

        assertThat(awaitingContact(referralId, "overdue=true")).as("overdue now").isNotNull();
        assertThat(awaitingContact(referralId, "overdue=false")).isNull();
        assertThat(personIds(register("overdueContact=true&limit=100"))).contains(receipt.get("personId").asText());
        assertThat(personIds(register("overdueContact=false&limit=100"))).doesNotContain(receipt.get("personId").asText());

        JsonNode late = journeys.contact(referralId);
        assertThat(late.get("contactedWithinDeadline").asBoolean()).isFalse();
        assertThat(events.awaitEvent(EventTypes.REFERRAL_CONTACTED_V1, receipt.get("personId").asText())
                .get("withinDeadline").asBoolean()).isFalse();
        assertThat(awaitingContact(referralId, "")).as("contacted: off the worklist").isNull();
    }

    // ---- age milestones on demand -------------------------------------------------------------------------------

    @Test
    void aDsrLeadMayRunTheEighteenthBirthdayCheckNow() {
        ApiResponse run = api.post("/register/age-milestones", TestTokens.get().tokenFor("lead", DsrRoles.DSR_LEAD), Map.of());

        assertThat(run.status()).as(run.text()).isEqualTo(200);
        assertThat(run.json().get("ranHere").asBoolean()).isTrue();
        assertThat(api.post("/register/age-milestones", dsrTeam, Map.of()).status()).isEqualTo(403);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private JsonNode register(String query) {
        ApiResponse response = api.get("/register?" + query, dsrTeam);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    /** The person's line, looking through every page of the listing; null when they are not listed. */
    private JsonNode lineOf(String personId, String query) {
        return everyLine("/register?" + query, "personId", personId);
    }

    /** A cursor as the register gives it: the person's id, base64url (only the listing reads it). */
    private static String cursorAfter(String personId) {
        return java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(personId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The line whose field has the value, following next from page to page; null when it is on none. */
    private JsonNode everyLine(String path, String field, String value) {
        String after = null;
        do {
            ApiResponse response = api.get(path + (path.contains("?") ? "&" : "?") + "limit=100"
                    + (after == null ? "" : "&after=" + after), dsrTeam);
            assertThat(response.status()).as(response.text()).isEqualTo(200);
            for (JsonNode line : response.json().get("items")) {
                if (line.get(field).asText().equals(value)) {
                    return line;
                }
            }
            after = response.json().get("next").isNull() ? null : response.json().get("next").asText();
        } while (after != null);
        return null;
    }

    private static List<String> personIds(JsonNode listing) {
        List<String> ids = new ArrayList<>();
        listing.get("items").forEach(line -> ids.add(line.get("personId").asText()));
        return ids;
    }

    private JsonNode unallocated(String registerEntryId) {
        return everyLine("/worklists/register/unallocated", "registerEntryId", registerEntryId);
    }

    private JsonNode awaitingContact(String referralId, String query) {
        return everyLine("/worklists/referrals/first-contact?" + query, "referralId", referralId);
    }
}
