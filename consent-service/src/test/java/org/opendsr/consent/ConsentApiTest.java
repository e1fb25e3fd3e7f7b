package org.opendsr.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendsr.consent.support.ConsentRequests.DECISION_MAKER_ROLE;
import static org.opendsr.consent.support.ConsentRequests.FORM_KEPT_AT;
import static org.opendsr.consent.support.ConsentRequests.bestInterestsDecision;
import static org.opendsr.consent.support.ConsentRequests.informedConsent;
import static org.opendsr.consent.support.ConsentRequests.parentalResponsibility;
import static org.opendsr.consent.support.ConsentRequests.renewalOf;
import static org.opendsr.consent.support.ConsentRequests.with;
import static org.opendsr.consent.support.ConsentRequests.withdrawal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opendsr.contracts.common.AgeBand;
import org.opendsr.contracts.common.LifeStage;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.LogCapture;

/**
 * The consent API as the gateway calls it, on a real database and broker: recording, renewal, withdrawal,
 * history, worklists, and a problem+json refusal for every bad request, which writes nothing.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsentApiTest extends ConsentServiceUnderTest {

    @Value("${datasources.default.url}")
    String databaseUrl;

    @Value("${datasources.default.username}")
    String databaseUser;

    @Value("${datasources.default.password}")
    String databasePassword;

    private LocalDate today;
    /** One adult for requests that are refused: a refusal never writes anything. */
    private UUID adult;

    @BeforeAll
    void prepare() {
        today = api.today();
        adult = knownAdult();
    }

    private UUID knownAdult() {
        return known(LifeStage.ADULT, AgeBand.AGE_25_TO_34);
    }

    private UUID known(LifeStage lifeStage, AgeBand ageBand) {
        UUID personId = referrals.referred(lifeStage, ageBand);
        api.awaitKnown(personId);
        return personId;
    }

    private static void assertProblem(ApiResponse response, int status, String field) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        if (field != null) {
            assertThat(response.json().get("errors").findValuesAsText("field")).as(response.text()).contains(field);
        }
    }

    private static void assertConflict(ApiResponse response, String problem) {
        assertProblem(response, 409, null);
        assertThat(response.json().get("type").asText()).isEqualTo("urn:dsr:problem:" + problem);
    }

    private long outboxEventsAbout(UUID personId) {
        try (Connection connection = DriverManager.getConnection(databaseUrl, databaseUser, databasePassword);
             PreparedStatement count = connection.prepareStatement(
                     "SELECT count(*) FROM dsr_kit.outbox_event WHERE aggregateid = ?")) {
            count.setString(1, personId.toString());
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Nested
    @DisplayName("Recording, renewing and withdrawing consent")
    class Lifecycle {

        @Test
        void aProfessionalRecordsConsentForSomeoneKnownFromTheirReferral() {
            UUID personId = knownAdult();

            ApiResponse response = api.record(informedConsent(personId, today));

            assertThat(response.status()).as(response.text()).isEqualTo(201);
            JsonNode consent = response.json();
            assertThat(response.header("Location")).isEqualTo("/consents/" + consent.get("consentId").asText());
            assertThat(consent.get("personId").asText()).isEqualTo(personId.toString());
            assertThat(consent.get("status").asText()).isEqualTo("ACTIVE");
            assertThat(consent.get("activeConsent").asBoolean()).isTrue();
            assertThat(consent.get("renewalDueOn").asText()).isEqualTo(today.plusYears(1).toString());
            assertThat(consent.get("renewalReason").asText()).isEqualTo("ANNUAL_RENEWAL");
            assertThat(consent.get("recordedBy").asText()).isEqualTo("professional-1");
            assertThat(consent.get("formKeptAt").asText()).isEqualTo(FORM_KEPT_AT);
            assertThat(consent.has("graceEndsOn")).isFalse();
        }

        @Test
        void consentGiven12MonthsAnd1WeekAgoIsOverdueAtOnceWith3WeeksLeft() {
            UUID personId = knownAdult();

            JsonNode consent = api.recorded(informedConsent(personId, today.minusYears(1).minusWeeks(1)));

            assertThat(consent.get("status").asText()).isEqualTo("OVERDUE");
            assertThat(consent.get("activeConsent").asBoolean()).isFalse();
            assertThat(consent.get("graceEndsOn").asText()).isEqualTo(today.plusWeeks(3).toString());
            assertThat(consent.get("daysLeftBeforeRemoval").asInt()).isEqualTo(21);
        }

        @Test
        void renewingAnOverdueConsentLeavesThePersonWithActiveConsentAndKeepsTheHistory() {
            UUID personId = knownAdult();
            String overdue = api.recorded(informedConsent(personId, today.minusYears(1).minusWeeks(1)))
                    .get("consentId").asText();

            JsonNode renewal = api.recorded(renewalOf(informedConsent(personId, today), overdue));

            assertThat(renewal.get("status").asText()).isEqualTo("ACTIVE");
            assertThat(renewal.get("renewalOf").asText()).isEqualTo(overdue);
            JsonNode history = api.history(personId);
            assertThat(history.get("currentConsentId").asText()).isEqualTo(renewal.get("consentId").asText());
            assertThat(history.get("activeConsent").asBoolean()).isTrue();
            assertThat(history.get("consents").findValuesAsText("status")).containsExactly("ACTIVE", "RENEWED");
            assertThat(history.get("consents").get(1).get("renewedBy").asText())
                    .isEqualTo(renewal.get("consentId").asText());
        }

        @Test
        void aBestInterestsDecisionKeepsTheAssessmentDateAndTheDecisionMakersRole() {
            UUID personId = knownAdult();

            JsonNode consent = api.recorded(bestInterestsDecision(personId, today));

            assertThat(consent.get("bestInterests").get("capacityAssessedOn").asText())
                    .isEqualTo(today.minusDays(2).toString());
            assertThat(consent.get("bestInterests").get("decisionMakerRole").asText()).isEqualTo(DECISION_MAKER_ROLE);
        }

        @Test
        void parentalResponsibilityForAChild() {
            UUID child = known(LifeStage.CHILD, AgeBand.AGE_14_TO_17);

            JsonNode consent = api.recorded(parentalResponsibility(child, today));

            assertThat(consent.get("givenForChild").asBoolean()).isTrue();
        }

        @Test
        void withdrawnConsentStaysInTheHistoryAndOnThisMonthsClosedWorklist() {
            UUID personId = knownAdult();
            String consentId = api.recorded(informedConsent(personId, today.minusMonths(2))).get("consentId").asText();

            ApiResponse response = api.withdraw(consentId, with(withdrawal("REPRESENTATIVE_WITHDREW"), "note",
                    "Family prefer to wait until the new placement settles"));

            assertThat(response.status()).as(response.text()).isEqualTo(200);
            assertThat(response.json().get("status").asText()).isEqualTo("WITHDRAWN");
            assertThat(response.json().get("withdrawal").get("withdrawnOn").asText()).isEqualTo(today.toString());
            assertThat(response.json().get("withdrawal").get("reason").asText()).isEqualTo("REPRESENTATIVE_WITHDREW");
            JsonNode history = api.history(personId);
            assertThat(history.get("activeConsent").asBoolean()).isFalse();
            assertThat(history.has("currentConsentId")).isFalse();
            assertThat(history.get("consents")).hasSize(1);
            JsonNode closed = api.worklist("closed?month=" + YearMonth.from(today));
            assertThat(closed.get("entries").findValuesAsText("consentId")).contains(consentId);
        }

        @Test
        void aWithdrawalNeedSayNothingMore() {
            String consentId = api.recorded(informedConsent(knownAdult(), today)).get("consentId").asText();

            ApiResponse response = api.http.postRaw("/consents/" + consentId + "/withdrawal", api.dsrTeam, "",
                    Map.of());

            assertThat(response.status()).as(response.text()).isEqualTo(200);
            assertThat(response.json().get("withdrawal").get("withdrawnOn").asText()).isEqualTo(today.toString());
            assertThat(response.json().get("withdrawal").get("reason").asText()).isEqualTo("OTHER");
            assertThat(api.withdraw(api.recorded(informedConsent(knownAdult(), today)).get("consentId").asText(),
                    Map.of()).status()).isEqualTo(200);
        }

        @Test
        void aNewConsentMayBeRecordedAfterAWithdrawal() {
            UUID personId = knownAdult();
            String first = api.recorded(informedConsent(personId, today)).get("consentId").asText();
            api.withdraw(first, withdrawal("PERSON_WITHDREW"));

            api.recorded(informedConsent(personId, today));

            assertThat(api.history(personId).get("consents")).hasSize(2);
        }

        @Test
        void theDsrTeamAndTheRecordingProfessionalCanReadAConsentAnotherProfessionalCannot() {
            String consentId = api.recorded(informedConsent(knownAdult(), today)).get("consentId").asText();

            assertThat(api.http.get("/consents/" + consentId, api.dsrTeam).status()).isEqualTo(200);
            assertThat(api.http.get("/consents/" + consentId, api.professional).status()).isEqualTo(200);
            assertProblem(api.http.get("/consents/" + consentId, api.anotherProfessional), 404, null);
        }

        @Test
        void aProfessionalWhoCannotReadAConsentCannotWithdrawIt() {
            UUID personId = knownAdult();
            String consentId = api.recorded(informedConsent(personId, today)).get("consentId").asText();

            ApiResponse refused = api.http.post("/consents/" + consentId + "/withdrawal", api.anotherProfessional,
                    withdrawal("PERSON_WITHDREW"));

            assertProblem(refused, 404, null);
            assertThat(api.history(personId).get("consents").get(0).get("status").asText()).isEqualTo("ACTIVE");
            assertThat(outboxEventsAbout(personId)).isEqualTo(1);
            assertThat(api.http.post("/consents/" + consentId + "/withdrawal", api.dsrTeam,
                    withdrawal("PERSON_WITHDREW")).status()).isEqualTo(200);
        }

        @Test
        void theWorklistsShowRenewalsDueAndOverdueConsentsWithTheDaysLeft() {
            UUID dueSoon = knownAdult();
            UUID overdue = knownAdult();
            String dueSoonId = api.recorded(informedConsent(dueSoon, today.minusYears(1).plusDays(20))).get("consentId").asText();
            String overdueId = api.recorded(informedConsent(overdue, today.minusYears(1).minusDays(10)))
                    .get("consentId").asText();

            JsonNode renewalsDue = api.worklist("renewals-due");
            JsonNode dueEntry = entryFor(renewalsDue, dueSoonId);
            assertThat(dueEntry.get("personId").asText()).isEqualTo(dueSoon.toString());
            assertThat(dueEntry.get("status").asText()).isEqualTo("RENEWAL_DUE");
            assertThat(renewalsDue.get("entries").findValuesAsText("consentId")).doesNotContain(overdueId);

            JsonNode overdueEntry = entryFor(api.worklist("overdue"), overdueId);
            assertThat(overdueEntry.get("graceEndsOn").asText()).isEqualTo(today.plusDays(18).toString());
            assertThat(overdueEntry.get("daysLeftBeforeRemoval").asInt()).isEqualTo(18);
        }

        private JsonNode entryFor(JsonNode worklist, String consentId) {
            for (JsonNode entry : worklist.get("entries")) {
                if (entry.get("consentId").asText().equals(consentId)) {
                    return entry;
                }
            }
            throw new AssertionError(consentId + " is not on " + worklist);
        }

        @Test
        void freeTextNeverReachesALog() {
            UUID personId = knownAdult();
            String place = "Cabinet seven at the Riverside team base";
            String role = "Speech and language therapist lead";
            String note = "Wants a break from services for now";
            try (LogCapture logs = LogCapture.capture()) {
                String consentId = api.recorded(with(with(bestInterestsDecision(personId, today), "formKeptAt", place),
                        "bestInterests", Map.of("capacityAssessedOn", today.toString(), "decisionMakerRole", role)))
                        .get("consentId").asText();
                api.withdraw(consentId, with(withdrawal("OTHER"), "note", note));
                api.record(with(informedConsent(personId, today), "formKeptAt", place + " x".repeat(120)));

                assertThat(logs.lines()).isNotEmpty();
                assertThat(logs.linesContainingAnyOf(place, role, note)).isEmpty();
            }
        }
    }

    @Nested
    @DisplayName("Who may do what")
    class Roles {

        @Test
        void anUnauthenticatedCallIsRefused() {
            assertProblem(api.http.post("/consents", null, informedConsent(adult, today)), 401, null);
            assertProblem(api.http.get("/consents/worklists/overdue", null), 401, null);
        }

        @Test
        void onlyProfessionalsAndTheDsrTeamRecordAndWithdrawConsent() {
            assertProblem(api.http.post("/consents", api.analyst, informedConsent(adult, today)), 403, null);
            assertProblem(api.http.post("/consents", api.agencySystem, informedConsent(adult, today)), 403, null);
            assertProblem(api.http.post("/consents/" + UUID.randomUUID() + "/withdrawal", api.analyst,
                    withdrawal("PERSON_WITHDREW")), 403, null);
            assertThat(api.http.post("/consents", api.dsrTeam, informedConsent(knownAdult(), today)).status()).isEqualTo(201);
            assertThat(api.http.post("/consents", api.dsrLead, informedConsent(knownAdult(), today)).status()).isEqualTo(201);
        }

        @Test
        void onlyTheDsrTeamReadsWorklists() {
            for (String path : List.of("/consents/worklists/renewals-due", "/consents/worklists/overdue",
                    "/consents/worklists/closed")) {
                assertProblem(api.http.get(path, api.professional), 403, null);
                assertProblem(api.http.get(path, api.analyst), 403, null);
                assertThat(api.http.get(path, api.dsrLead).status()).as(path).isEqualTo(200);
            }
        }

        @Test
        void aHistoryIsReadByThosePersonsCareTeamAndTheDsrTeamNotByAnalysts() {
            String path = "/consents/people/" + adult;
            assertThat(api.http.get(path, api.professional).status()).isEqualTo(200);
            assertProblem(api.http.get(path, api.anotherProfessional), 404, null);
            assertProblem(api.http.get(path, api.analyst), 403, null);
            assertThat(api.http.get(path, api.dsrLead).status()).isEqualTo(200);
        }

        @Test
        void onlyADsrLeadOrAnAdminRunsTheLifecycle() {
            assertProblem(api.http.post("/consents/lifecycle-runs", api.dsrTeam, ""), 403, null);
            assertProblem(api.http.post("/consents/lifecycle-runs", api.professional, ""), 403, null);
            assertThat(api.http.post("/consents/lifecycle-runs", api.admin, "").status()).isEqualTo(200);
        }
    }

    @Nested
    @DisplayName("Every bad request is refused with problem+json naming the problem, and writes nothing")
    class Refusals {

        static Stream<Arguments> badRecordings() {
            return Stream.of(
                    bad("personId is required", request -> with(request, "personId", null), "personId"),
                    bad("personId must be a UUID", request -> with(request, "personId", "person-1"), "personId"),
                    bad("basis is required", request -> with(request, "basis", null), "basis"),
                    bad("basis must be a known basis", request -> with(request, "basis", "VERBAL"), "basis"),
                    bad("givenBy is required", request -> with(request, "givenBy", null), "givenBy"),
                    bad("givenBy is a relationship, not a name", request -> with(request, "givenBy", "Jo Bloggs"), "givenBy"),
                    bad("givenBy must suit the basis", request -> with(request, "givenBy", "PARENT"), "givenBy"),
                    bad("givenOn is required", request -> with(request, "givenOn", null), "givenOn"),
                    bad("givenOn must be a date", request -> with(request, "givenOn", "31/02/2026"), "givenOn"),
                    bad("givenOn cannot be in the future",
                            request -> with(request, "givenOn", LocalDate.parse((String) request.get("givenOn")).plusDays(1).toString()),
                            "givenOn"),
                    bad("givenOn at most 2 years ago",
                            request -> with(request, "givenOn", LocalDate.parse((String) request.get("givenOn")).minusYears(3).toString()),
                            "givenOn"),
                    bad("explainedWith is required", request -> with(request, "explainedWith", null), "explainedWith"),
                    bad("OTHER format needs its detail", request -> with(request, "explainedWith", "OTHER"),
                            "explainedWithDetail"),
                    bad("format detail only with OTHER", request -> with(request, "explainedWithDetail", "Pictures"),
                            "explainedWithDetail"),
                    bad("formKeptAt is required", request -> with(request, "formKeptAt", null), "formKeptAt"),
                    bad("formKeptAt not blank", request -> with(request, "formKeptAt", "  "), "formKeptAt"),
                    bad("formKeptAt at most 200 characters", request -> with(request, "formKeptAt", "x".repeat(201)),
                            "formKeptAt"),
                    bad("formKeptAt holds no email address",
                            request -> with(request, "formKeptAt", "ask jo.bloggs@example.org"), "formKeptAt"),
                    bad("formKeptAt holds no phone number",
                            request -> with(request, "formKeptAt", "ring 01632 960 123"), "formKeptAt"),
                    bad("a best-interests decision needs its details",
                            request -> with(with(request, "basis", "BEST_INTERESTS_DECISION"), "givenBy",
                                    "BEST_INTERESTS_DECISION_MAKER"), "bestInterests"),
                    bad("only a best-interests decision has a capacity assessment",
                            request -> with(request, "bestInterests",
                                    Map.of("capacityAssessedOn", request.get("givenOn"), "decisionMakerRole", "GP")),
                            "bestInterests"),
                    bad("the capacity assessment date is required",
                            request -> bestInterests(request, Map.of("decisionMakerRole", "GP")),
                            "bestInterests.capacityAssessedOn"),
                    bad("the decision maker's role is required",
                            request -> bestInterests(request, Map.of("capacityAssessedOn", request.get("givenOn"))),
                            "bestInterests.decisionMakerRole"),
                    bad("the capacity assessment comes before the decision",
                            request -> bestInterests(request, Map.of("decisionMakerRole", "GP", "capacityAssessedOn",
                                    LocalDate.parse((String) request.get("givenOn")).plusDays(1).toString())),
                            "bestInterests.capacityAssessedOn"),
                    bad("the decision maker's role at most 100 characters",
                            request -> bestInterests(request, Map.of("capacityAssessedOn", request.get("givenOn"),
                                    "decisionMakerRole", "r".repeat(101))), "bestInterests.decisionMakerRole"),
                    bad("the decision maker's role holds no phone number",
                            request -> bestInterests(request, Map.of("capacityAssessedOn", request.get("givenOn"),
                                    "decisionMakerRole", "GP, ring 01632 960 123")), "bestInterests.decisionMakerRole"),
                    bad("format detail at most 100 characters",
                            request -> otherFormat(request, "d".repeat(101)), "explainedWithDetail"),
                    bad("format detail holds no email address",
                            request -> otherFormat(request, "Pictures sent to jo.bloggs@example.org"), "explainedWithDetail"),
                    bad("format detail holds no phone number",
                            request -> otherFormat(request, "Talked through on 07700 900123"), "explainedWithDetail"),
                    bad("renewalOf must be a UUID", request -> with(request, "renewalOf", "last-year"), "renewalOf"),
                    // Issue 15: a blank identifier is not one left out (that would record a new consent, not a renewal).
                    bad("a blank renewalOf is not one left out", request -> with(request, "renewalOf", ""), "renewalOf"),
                    bad("a blank basis is not a basis", request -> with(request, "basis", " "), "basis"));
        }

        private static Arguments bad(String rule, Function<Map<String, Object>, Map<String, Object>> change,
                                     String field) {
            return Arguments.of(rule, change, field);
        }

        private static Map<String, Object> otherFormat(Map<String, Object> request, String detail) {
            return with(with(request, "explainedWith", "OTHER"), "explainedWithDetail", detail);
        }

        private static Map<String, Object> bestInterests(Map<String, Object> request, Map<String, Object> details) {
            return with(with(with(request, "basis", "BEST_INTERESTS_DECISION"), "givenBy",
                    "BEST_INTERESTS_DECISION_MAKER"), "bestInterests", details);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("badRecordings")
        void aBadRecordingIsRefusedNamingTheField(String rule, Function<Map<String, Object>, Map<String, Object>> change,
                                                   String field) {
            ApiResponse response = api.record(change.apply(informedConsent(adult, today)));

            assertProblem(response, 400, field);
            assertThat(api.history(adult).get("consents")).isEmpty();
            assertThat(outboxEventsAbout(adult)).isZero();
        }

        @Test
        void aControlCharacterInANestedTextIsRefusedByTheKitsOneRule() {
            Map<String, Object> request = bestInterests(informedConsent(adult, today),
                    Map.of("capacityAssessedOn", today.toString(), "decisionMakerRole", "GP\u0000"));

            ApiResponse response = api.record(request);

            assertProblem(response, 400, "bestInterests.decisionMakerRole");
            assertThat(response.json().get("errors").get(0).get("message").asText())
                    .isEqualTo(org.opendsr.kit.web.PlainText.REFUSAL);
            assertThat(api.history(adult).get("consents")).isEmpty();
        }

        @Test
        void aLineBreakInATextThatMustBeOneLineIsStillRefused() {
            ApiResponse response = api.record(bestInterests(informedConsent(adult, today),
                    Map.of("capacityAssessedOn", today.toString(), "decisionMakerRole", "GP\nsecond line")));

            assertProblem(response, 400, "bestInterests.decisionMakerRole");
            assertThat(response.json().get("errors").get(0).get("message").asText())
                    .isEqualTo("must be one line of text");
        }

        @Test
        void aBodyThatIsNotJsonIsRefused() {
            assertProblem(api.http.postRaw("/consents", api.professional, "{\"personId\": ", Map.of()), 400, null);
        }

        @Test
        void anUnknownEnumValueIsRefusedListingTheAllowedValuesWithoutEchoingIt() {
            ApiResponse response = api.record(with(informedConsent(adult, today), "explainedWith", "SEMAPHORE"));

            assertProblem(response, 400, "explainedWith");
            assertThat(response.text()).contains("EASY_READ").doesNotContain("SEMAPHORE");
        }

        @Test
        void aPersonNoReferralHasIntroducedIsNotFound() {
            UUID stranger = UUID.randomUUID();

            assertProblem(api.record(informedConsent(stranger, today)), 404, "personId");
            assertProblem(api.http.get("/consents/people/" + stranger, api.dsrTeam), 404, null);
        }

        @Test
        void anUnknownConsentIsNotFound() {
            String unknown = UUID.randomUUID().toString();

            assertProblem(api.http.get("/consents/" + unknown, api.dsrTeam), 404, null);
            assertProblem(api.withdraw(unknown, withdrawal("PERSON_WITHDREW")), 404, null);
            assertProblem(api.record(renewalOf(informedConsent(adult, today), unknown)), 404, "renewalOf");
            assertProblem(api.http.get("/consents/not-a-uuid", api.dsrTeam), 400, "consentId");
        }

        @Test
        void aSecondConsentWhileOneIsOpenIsRefusedUnlessItRenewsIt() {
            UUID personId = knownAdult();
            String open = api.recorded(informedConsent(personId, today)).get("consentId").asText();

            ApiResponse response = api.record(informedConsent(personId, today));

            assertConflict(response, "consent-already-open");
            assertThat(response.json().get("detail").asText()).contains(open).contains("renewalOf");
            assertThat(api.history(personId).get("consents")).hasSize(1);
        }

        @Test
        void parentalResponsibilityForAnAdultIsRefused() {
            ApiResponse response = api.record(parentalResponsibility(adult, today));

            assertConflict(response, "parental-responsibility-for-an-adult");
            assertThat(response.json().get("errors").findValuesAsText("field")).contains("basis");
        }

        @Test
        void theMentalCapacityActDoesNotApplyUnder16() {
            UUID child = known(LifeStage.CHILD, AgeBand.AGE_10_TO_13);

            assertConflict(api.record(bestInterestsDecision(child, today)), "mental-capacity-act-under-16");
        }

        @Test
        void aBestInterestsOrDeputyConsentForSomeoneReferredAt15IsRefusedUntilTheyAreKnownToHaveTurned16() {
            UUID child = UUID.randomUUID();
            referrals.referred(child, LifeStage.CHILD, AgeBand.AGE_14_TO_17, true, java.time.Instant.now(), null);
            api.awaitKnown(child);
            Map<String, Object> deputy = with(with(informedConsent(child, today), "basis", "WELFARE_DEPUTY_OR_ATTORNEY"),
                    "givenBy", "WELFARE_DEPUTY");

            ApiResponse bestInterests = api.record(bestInterestsDecision(child, today));
            assertConflict(bestInterests, "mental-capacity-act-under-16");
            assertThat(bestInterests.json().get("errors").findValuesAsText("field")).containsExactly("basis");
            assertConflict(api.record(deputy), "mental-capacity-act-under-16");
            assertThat(api.history(child).get("consents")).as("nothing written").isEmpty();

            // referral-service announces the month after it has ended; from the first of the next month they are 16.
            referrals.turned16(child, YearMonth.from(today).minusMonths(1));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> api.record(bestInterestsDecision(child, today)).status() == 201);
            assertThat(api.history(child).get("consents").findValuesAsText("basis"))
                    .containsExactly("BEST_INTERESTS_DECISION");
        }

        @Test
        void aBand14To17FromAReferralThatDoesNotSayWhetherTheyWereUnder16CountsAsUnder16() {
            // A referral published before under16 was added: the band alone straddles 16.
            UUID child = known(LifeStage.CHILD, AgeBand.AGE_14_TO_17);

            assertConflict(api.record(bestInterestsDecision(child, today)), "mental-capacity-act-under-16");
            assertThat(api.history(child).get("consents")).isEmpty();
        }

        @Test
        void someoneReferredAt16MayHaveABestInterestsDecision() {
            UUID sixteen = UUID.randomUUID();
            referrals.referred(sixteen, LifeStage.CHILD, AgeBand.AGE_14_TO_17, false, java.time.Instant.now(), null);
            api.awaitKnown(sixteen);

            assertThat(api.recorded(bestInterestsDecision(sixteen, today)).get("basis").asText())
                    .isEqualTo("BEST_INTERESTS_DECISION");
        }

        @Test
        void aChildHasNoAttorney() {
            UUID child = known(LifeStage.CHILD, AgeBand.AGE_14_TO_17);

            assertConflict(api.record(with(with(informedConsent(child, today), "basis", "WELFARE_DEPUTY_OR_ATTORNEY"),
                    "givenBy", "HEALTH_AND_WELFARE_ATTORNEY")), "attorney-for-a-child");
        }

        @Test
        void aRenewalOfAnotherPersonsConsentIsRefused() {
            String someoneElses = api.recorded(informedConsent(knownAdult(), today)).get("consentId").asText();

            assertProblem(api.record(renewalOf(informedConsent(adult, today), someoneElses)), 400, "renewalOf");
        }

        @Test
        void aWithdrawnConsentCannotBeRenewedOrWithdrawnAgain() {
            UUID personId = knownAdult();
            String consentId = api.recorded(informedConsent(personId, today)).get("consentId").asText();
            assertThat(api.withdraw(consentId, withdrawal("PERSON_WITHDREW")).status()).isEqualTo(200);

            assertConflict(api.withdraw(consentId, withdrawal("PERSON_WITHDREW")), "consent-already-withdrawn");
            assertConflict(api.record(renewalOf(informedConsent(personId, today), consentId)), "consent-not-renewable");
        }

        @Test
        void aLapsedConsentCannotBeWithdrawnOrRenewed() {
            UUID personId = knownAdult();
            String consentId = api.recorded(informedConsent(personId, today.minusYears(1).minusWeeks(5)))
                    .get("consentId").asText();
            api.runLifecycle();
            assertThat(api.history(personId).get("consents").get(0).get("status").asText()).isEqualTo("LAPSED");

            assertConflict(api.withdraw(consentId, withdrawal("PERSON_WITHDREW")), "consent-lapsed");
            assertConflict(api.record(renewalOf(informedConsent(personId, today), consentId)), "consent-not-renewable");
        }

        @Test
        void aRenewedConsentCannotBeWithdrawnOrRenewedAgain() {
            UUID personId = knownAdult();
            String renewed = api.recorded(informedConsent(personId, today.minusYears(1).plusDays(20))).get("consentId").asText();
            String renewal = api.recorded(renewalOf(informedConsent(personId, today), renewed)).get("consentId").asText();
            long events = outboxEventsAbout(personId);

            ApiResponse withdrawal = api.withdraw(renewed, withdrawal("PERSON_WITHDREW"));
            assertConflict(withdrawal, "consent-renewed");
            assertThat(withdrawal.json().get("detail").asText()).contains(renewal);
            ApiResponse renewedAgain = api.record(renewalOf(informedConsent(personId, today), renewed));
            assertConflict(renewedAgain, "consent-not-renewable");
            assertThat(renewedAgain.json().get("errors").findValuesAsText("field")).contains("renewalOf");

            assertThat(api.history(personId).get("consents").findValuesAsText("status"))
                    .containsExactly("ACTIVE", "RENEWED");
            assertThat(outboxEventsAbout(personId)).isEqualTo(events);
        }

        @Test
        void aRenewalCannotHaveBeenGivenBeforeTheConsentItRenews() {
            UUID personId = knownAdult();
            String renewed = api.recorded(informedConsent(personId, today.minusDays(10))).get("consentId").asText();

            ApiResponse response = api.record(renewalOf(informedConsent(personId, today.minusDays(20)), renewed));

            assertProblem(response, 400, "givenOn");
            assertThat(response.json().get("errors").get(0).get("message").asText())
                    .contains(today.minusDays(10).toString());
            assertThat(api.history(personId).get("consents")).hasSize(1);
        }

        @Test
        void parentalResponsibilityIsRefusedOnceTurning18HasArrived() {
            UUID child = known(LifeStage.CHILD, AgeBand.AGE_14_TO_17);
            String consentId = api.recorded(parentalResponsibility(child, today.minusMonths(2))).get("consentId").asText();

            referrals.turning18(child);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                    "TURNED_18".equals(api.history(child).get("consents").get(0).get("renewalReason").asText()));

            ApiResponse response = api.record(renewalOf(parentalResponsibility(child, today), consentId));
            assertConflict(response, "parental-responsibility-for-an-adult");
            assertThat(response.json().get("errors").findValuesAsText("field")).contains("basis");
            assertThat(api.history(child).get("consents")).hasSize(1);
        }

        @Test
        void aRenewalThatIsItselfOverdueIsRefused() {
            UUID personId = knownAdult();
            String overdue = api.recorded(informedConsent(personId, today.minusYears(1).minusWeeks(3)))
                    .get("consentId").asText();

            assertConflict(api.record(renewalOf(informedConsent(personId, today.minusYears(1).minusWeeks(1)), overdue)),
                    "renewal-not-active");
            assertThat(api.history(personId).get("consents")).hasSize(1);
        }

        @Test
        void aBadWithdrawalIsRefusedNamingTheField() {
            UUID personId = knownAdult();
            String consentId = api.recorded(informedConsent(personId, today.minusDays(3))).get("consentId").asText();

            assertProblem(api.withdraw(consentId, withdrawal("CHANGED_MIND")), 400, "reason");
            assertProblem(api.withdraw(consentId, with(withdrawal("PERSON_WITHDREW"), "withdrawnOn", "yesterday")), 400,
                    "withdrawnOn");
            assertProblem(api.withdraw(consentId, with(withdrawal("PERSON_WITHDREW"), "withdrawnOn",
                    today.plusDays(1).toString())), 400, "withdrawnOn");
            assertProblem(api.withdraw(consentId, with(withdrawal("PERSON_WITHDREW"), "withdrawnOn",
                    today.minusDays(4).toString())), 400, "withdrawnOn");
            assertProblem(api.withdraw(consentId, with(withdrawal("PERSON_WITHDREW"), "note", "n".repeat(501))), 400,
                    "note");
            assertProblem(api.withdraw(consentId, with(withdrawal("PERSON_WITHDREW"), "note",
                    "contact 07700 900123")), 400, "note");
            assertThat(api.history(personId).get("consents").get(0).get("status").asText()).isEqualTo("ACTIVE");
        }

        @Test
        void badWorklistParametersAreRefusedNamingThem() {
            assertProblem(api.http.get("/consents/worklists/renewals-due?withinDays=0", api.dsrTeam), 400, "withinDays");
            assertProblem(api.http.get("/consents/worklists/renewals-due?withinDays=400", api.dsrTeam), 400, "withinDays");
            assertProblem(api.http.get("/consents/worklists/renewals-due?withinDays=soon", api.dsrTeam), 400, "withinDays");
            assertProblem(api.http.get("/consents/worklists/closed?month=2026-13", api.dsrTeam), 400, "month");
            assertProblem(api.http.get("/consents/worklists/closed?month=November", api.dsrTeam), 400, "month");
            for (String worklist : List.of("renewals-due", "overdue", "closed")) {
                assertProblem(api.http.get("/consents/worklists/" + worklist + "?limit=0", api.dsrTeam), 400, "limit");
                assertProblem(api.http.get("/consents/worklists/" + worklist + "?limit=101", api.dsrTeam), 400, "limit");
                assertProblem(api.http.get("/consents/worklists/" + worklist + "?after=e30", api.dsrTeam), 400, "after");
            }
        }

        @Test
        void aWorklistIsReadAPageAtATimeWithNoEntryRepeatedOrMissed() {
            List<String> mine = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                mine.add(api.recorded(informedConsent(knownAdult(), today.minusYears(1).plusDays(5 + i)))
                        .get("consentId").asText());
            }

            List<String> seen = new java.util.ArrayList<>();
            String after = null;
            do {
                ApiResponse page = api.http.get("/consents/worklists/renewals-due?limit=2"
                        + (after == null ? "" : "&after=" + after), api.dsrTeam);
                assertThat(page.status()).as(page.text()).isEqualTo(200);
                assertThat(page.json().get("entries").size()).isLessThanOrEqualTo(2);
                page.json().get("entries").forEach(entry -> seen.add(entry.get("consentId").asText()));
                after = page.json().get("next").isNull() ? null : page.json().get("next").asText();
            } while (after != null);

            assertThat(seen).doesNotHaveDuplicates().containsAll(mine);
        }
    }
}
