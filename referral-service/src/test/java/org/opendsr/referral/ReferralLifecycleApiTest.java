package org.opendsr.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
import org.junit.jupiter.params.provider.MethodSource;
import org.opendsr.contracts.EventTypes;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.TestTokens;

/**
 * A referral's lifecycle through referral-service's API, with consent-service's events published to the real broker:
 * received, contacted, accepted onto the register with the criteria and active consent, or declined with a reason,
 * or withdrawn; the self or family route completed by the DSR team; every refusal a 4xx problem that says why, with
 * nothing written.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferralLifecycleApiTest extends ReferralServiceUnderTest {

    private static final String REFERRER = "sam.patel@swindon-cldt.example";

    private String referrer;
    private String dsrTeam;

    @BeforeAll
    void signIn() {
        referrer = TestTokens.get().tokenFor(REFERRER, DsrRoles.PROFESSIONAL);
        dsrTeam = journeys.dsrTeam();
    }

    // ---- the journey ---------------------------------------------------------------------------------------------

    @Test
    void referredContactedConsentedAcceptedOnTheRegisterAndRemovedWhenConsentIsWithdrawn() {
        // A professional refers.
        JsonNode receipt = journeys.refer(referrer, ReferralRequests.aReferralOfSomeoneNew());
        String referralId = receipt.get("referralId").asText();
        String personId = receipt.get("personId").asText();
        assertThat(journeys.person(personId).at("/register/status").asText()).isEqualTo("REFERRED");

        // The DSR team makes first contact, in time.
        JsonNode contacted = journeys.contact(referralId);
        assertThat(contacted.get("status").asText()).isEqualTo("CONTACTED");
        assertThat(contacted.get("contactedWithinDeadline").asBoolean()).isTrue();
        JsonNode contactEvent = events.awaitEvent(EventTypes.REFERRAL_CONTACTED_V1, personId);
        assertThat(contactEvent.get("withinDeadline").asBoolean()).isTrue();
        assertThat(contactEvent.get("firstContactDueOn").asText()).isEqualTo(receipt.get("firstContactDueOn").asText());

        // consent-service records consent; the DSR team accepts.
        String consentId = journeys.recordConsent(personId, "ACTIVE");
        ApiResponse accepted = journeys.accept(referralId, Map.of("criteria", Journeys.ALL_CRITERIA_MET));
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
        String entryId = accepted.json().get("registerEntryId").asText();
        JsonNode acceptedEvent = events.awaitEvent(EventTypes.REFERRAL_ACCEPTED_V1, personId);
        assertThat(acceptedEvent.get("registerEntryId").asText()).isEqualTo(entryId);
        assertThat(acceptedEvent.get("responsibleProfessionalAllocated").asBoolean()).isTrue();
        assertThat(acceptedEvent.get("diagnosis").asText()).isEqualTo("AUTISM");

        // On the register, the referrer responsible for them.
        JsonNode register = journeys.person(personId).get("register");
        assertThat(register.get("status").asText()).isEqualTo("ON_REGISTER");
        assertThat(register.get("registerEntryId").asText()).isEqualTo(entryId);
        assertThat(register.get("responsibleProfessional").asText()).isEqualTo(REFERRER);
        JsonNode view = api.get("/referrals/" + referralId, dsrTeam).json();
        assertThat(view.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(view.at("/outcome/criteria/livesInIcbArea").asBoolean()).isTrue();

        // Consent is withdrawn: the person leaves the register.
        assertThat(journeys.person(personId).get("consent").asText()).isEqualTo("ACTIVE");
        events.publishConsentEvent(EventsOnTopics.goldenSample(EventTypes.CONSENT_WITHDRAWN_V1,
                data -> data.put("consentId", consentId)), personId);
        JsonNode removed = events.awaitEvent(EventTypes.REGISTER_PERSON_REMOVED_V1, personId);
        assertThat(removed.get("reason").asText()).isEqualTo("CONSENT_WITHDRAWN");
        assertThat(removed.get("registerEntryId").asText()).isEqualTo(entryId);
        JsonNode afterwards = journeys.person(personId);
        assertThat(afterwards.at("/register/status").asText()).isEqualTo("REMOVED");
        assertThat(afterwards.at("/register/removalReason").asText()).isEqualTo("CONSENT_WITHDRAWN");
        assertThat(afterwards.get("consent").asText()).isEqualTo("WITHDRAWN");

        // A later need is a new referral.
        JsonNode again = journeys.refer(referrer, ReferralRequests.aReferral()
                .with("nhsNumber", view.at("/person/nhsNumber").asText())
                .with("givenName", view.at("/person/givenName").asText()));
        assertThat(again.get("personId").asText()).isEqualTo(personId);
        assertThat(again.get("referralId").asText()).isNotEqualTo(referralId);
        assertThat(journeys.person(personId).at("/register/status").asText()).isEqualTo("REFERRED");
    }

    // ---- first contact ----------------------------------------------------------------------------------------------

    @Test
    void firstContactIsRecordedOnce() {
        String referralId = journeys.refer(referrer, ReferralRequests.aReferralOfSomeoneNew()).get("referralId").asText();
        journeys.contact(referralId);
        Map<String, Long> before = database.rowCounts();

        ApiResponse again = api.post("/referrals/" + referralId + "/contact", dsrTeam, Map.of());

        assertProblem(again, 409, "urn:dsr:problem:referral-transition-not-allowed");
        assertThat(again.json().get("detail").asText()).contains("already CONTACTED");
        assertThat(database.rowCounts()).isEqualTo(before);
    }

    @Test
    void onlyTheDsrTeamRecordsContactAndDecisions() {
        String referralId = journeys.refer(referrer, ReferralRequests.aReferralOfSomeoneNew()).get("referralId").asText();
        Map<String, Long> before = database.rowCounts();

        for (String role : List.of(DsrRoles.PROFESSIONAL, DsrRoles.ANALYST, DsrRoles.AGENCY_SYSTEM, DsrRoles.ADMIN)) {
            String token = TestTokens.get().tokenFor(REFERRER, role);
            assertThat(api.post("/referrals/" + referralId + "/contact", token, Map.of()).status()).as(role).isEqualTo(403);
            assertThat(journeysAs(token, referralId)).as(role).isEqualTo(403);
        }
        assertThat(api.post("/referrals/" + referralId + "/contact", null, Map.of()).status()).isEqualTo(401);
        assertThat(database.rowCounts()).isEqualTo(before);
    }

    private int journeysAs(String token, String referralId) {
        return api.post("/referrals/" + referralId + "/acceptance", token, Map.of("criteria", Journeys.ALL_CRITERIA_MET))
                .status();
    }

    @Test
    void aReferralThatDoesNotExistIsNotFound() {
        assertProblem(api.post("/referrals/" + UUID.randomUUID() + "/contact", dsrTeam, Map.of()), 404,
                "urn:dsr:problem:not-found");
    }

    // ---- acceptance -------------------------------------------------------------------------------------------------

    @Test
    void acceptanceBeforeFirstContactIsRefused() {
        JsonNode receipt = journeys.refer(referrer, ReferralRequests.aReferralOfSomeoneNew());
        journeys.recordConsent(receipt.get("personId").asText(), "ACTIVE");
        Map<String, Long> before = database.rowCounts();

        ApiResponse response = journeys.accept(receipt.get("referralId").asText(), Map.of("criteria", Journeys.ALL_CRITERIA_MET));

        assertProblem(response, 409, "urn:dsr:problem:referral-transition-not-allowed");
        assertThat(response.json().get("detail").asText()).contains("first contact");
        assertThat(database.rowCounts()).isEqualTo(before);
    }

    @Test
    void acceptanceWithoutAnyConsentIsRefusedSayingSo() {
        String referralId = contactedReferral().get("referralId").asText();
        Map<String, Long> before = database.rowCounts();

        ApiResponse response = journeys.accept(referralId, Map.of("criteria", Journeys.ALL_CRITERIA_MET));

        assertProblem(response, 409, "urn:dsr:problem:consent-not-active");
        assertThat(response.json().get("title").asText()).isEqualTo("Active consent is needed to accept a referral");
        assertThat(response.json().get("detail").asText()).contains("no consent has been recorded");
        assertThat(database.rowCounts()).isEqualTo(before);
    }

    @Test
    void acceptanceWhileConsentIsOverdueIsRefusedAndAllowedOnceRenewed() {
        JsonNode receipt = contactedReferral();
        String personId = receipt.get("personId").asText();
        journeys.recordConsent(personId, "OVERDUE");

        ApiResponse refused = journeys.accept(receipt.get("referralId").asText(), Map.of("criteria", Journeys.ALL_CRITERIA_MET));

        assertProblem(refused, 409, "urn:dsr:problem:consent-not-active");
        assertThat(refused.json().get("detail").asText()).contains("OVERDUE");

        journeys.recordConsent(personId, "RENEWAL_DUE");
        assertThat(journeys.accept(receipt.get("referralId").asText(), Map.of("criteria", Journeys.ALL_CRITERIA_MET))
                .status()).as("RENEWAL_DUE is still active consent").isEqualTo(200);
    }

    @Test
    void acceptanceWithACriterionUnmetIsRefusedNamingIt() {
        JsonNode receipt = contactedReferral();
        journeys.recordConsent(receipt.get("personId").asText(), "ACTIVE");
        Map<String, Object> criteria = new LinkedHashMap<>(Journeys.ALL_CRITERIA_MET);
        criteria.put("atRiskOfAdmissionOrPlacementBreakdown", false);
        Map<String, Long> before = database.rowCounts();

        ApiResponse response = journeys.accept(receipt.get("referralId").asText(), Map.of("criteria", criteria));

        assertProblem(response, 409, "urn:dsr:problem:eligibility-criteria-not-met");
        assertThat(response.json().get("detail").asText()).contains("atRiskOfAdmissionOrPlacementBreakdown");
        assertThat(database.rowCounts()).isEqualTo(before);
    }

    @Test
    void aPersonHasAtMostOneOpenRegisterEntry() {
        ReferralRequests someone = ReferralRequests.aReferralOfSomeoneNew();
        Journeys.OnRegister onRegister = journeys.putOnRegister(referrer, someone);
        JsonNode second = journeys.refer(referrer, someone);
        assertThat(second.get("personId").asText()).isEqualTo(onRegister.personId());
        journeys.contact(second.get("referralId").asText());
        Map<String, Long> before = database.rowCounts();

        ApiResponse response = journeys.accept(second.get("referralId").asText(), Map.of("criteria", Journeys.ALL_CRITERIA_MET));

        assertProblem(response, 409, "urn:dsr:problem:already-on-register");
        assertThat(response.json().get("detail").asText()).contains(onRegister.registerEntryId());
        assertThat(database.rowCounts()).isEqualTo(before);
    }

    @Test
    void theDsrTeamMayNameTheResponsibleProfessional() {
        JsonNode receipt = contactedReferral();
        String personId = receipt.get("personId").asText();
        journeys.recordConsent(personId, "ACTIVE");

        ApiResponse accepted = journeys.accept(receipt.get("referralId").asText(),
                Map.of("criteria", Journeys.ALL_CRITERIA_MET, "responsibleProfessional", "jo.evans@wiltshire.example"));

        assertThat(accepted.status()).isEqualTo(200);
        assertThat(journeys.person(personId).at("/register/responsibleProfessional").asText())
                .isEqualTo("jo.evans@wiltshire.example");
        JsonNode allocated = events.awaitEvent(EventTypes.REGISTER_RESPONSIBILITY_CHANGED_V1, personId);
        assertThat(allocated.get("change").asText()).isEqualTo("ALLOCATED");
        assertThat(allocated.get("responsibleProfessional").asText()).isEqualTo("jo.evans@wiltshire.example");
    }

    // ---- decline and withdrawal -------------------------------------------------------------------------------------

    @Test
    void aDeclineCarriesItsReasonAndTheChecklistAndTellsTheReferrer() {
        JsonNode receipt = contactedReferral();
        String personId = receipt.get("personId").asText();

        ApiResponse declined = api.post("/referrals/" + receipt.get("referralId").asText() + "/declinal", dsrTeam,
                Map.of("reason", "NOT_AT_RISK_OF_ADMISSION", "notes", "Stable placement; reviewed with family",
                        "criteria", Map.of("learningDisabilityOrAutism", true,
                                "atRiskOfAdmissionOrPlacementBreakdown", false, "livesInIcbArea", true)));

        assertThat(declined.status()).as(declined.text()).isEqualTo(200);
        assertThat(declined.json().get("status").asText()).isEqualTo("DECLINED");
        JsonNode event = events.awaitEvent(EventTypes.REFERRAL_DECLINED_V1, personId);
        assertThat(event.get("reason").asText()).isEqualTo("NOT_AT_RISK_OF_ADMISSION");
        assertThat(event.get("referredBy").asText()).as("so the referrer can be told").isEqualTo(REFERRER);
        JsonNode view = api.get("/referrals/" + receipt.get("referralId").asText(), referrer).json();
        assertThat(view.at("/outcome/declineReason").asText()).isEqualTo("NOT_AT_RISK_OF_ADMISSION");
        assertThat(view.at("/outcome/criteria/atRiskOfAdmissionOrPlacementBreakdown").asBoolean()).isFalse();
        assertThat(journeys.person(personId).at("/register/status").asText()).isEqualTo("NOT_ACCEPTED");
    }

    @Test
    void aDeclineWhoseReasonContradictsTheChecklistIsRefused() {
        String referralId = contactedReferral().get("referralId").asText();
        Map<String, Long> before = database.rowCounts();

        ApiResponse response = api.post("/referrals/" + referralId + "/declinal", dsrTeam,
                Map.of("reason", "LIVES_OUT_OF_AREA", "criteria", Journeys.ALL_CRITERIA_MET));

        assertProblem(response, 409, "urn:dsr:problem:decline-contradicts-checklist");
        assertThat(database.rowCounts()).isEqualTo(before);
    }

    @Test
    void theReferrerMayWithdrawTheirReferralAndAnotherProfessionalIsToldItDoesNotExist() {
        JsonNode receipt = journeys.refer(referrer, ReferralRequests.aReferralOfSomeoneNew());
        String referralId = receipt.get("referralId").asText();
        String someoneElse = TestTokens.get().tokenFor("alex.other@bath.example", DsrRoles.PROFESSIONAL);

        assertThat(api.post("/referrals/" + referralId + "/withdrawal", someoneElse,
                Map.of("reason", "REFERRER_WITHDREW")).status()).isEqualTo(404);
        ApiResponse withdrawn = api.post("/referrals/" + referralId + "/withdrawal", referrer,
                Map.of("reason", "REFERRER_WITHDREW", "notes", "Support now in place"));

        assertThat(withdrawn.status()).as(withdrawn.text()).isEqualTo(200);
        assertThat(withdrawn.json().get("status").asText()).isEqualTo("WITHDRAWN");
        JsonNode event = events.awaitEvent(EventTypes.REFERRAL_WITHDRAWN_V1, receipt.get("personId").asText());
        assertThat(event.get("reason").asText()).isEqualTo("REFERRER_WITHDREW");
        assertThat(event.get("referredBy").asText()).isEqualTo(REFERRER);
    }

    @Test
    void anOutcomeIsFinal() {
        Journeys.OnRegister onRegister = journeys.putOnRegister(referrer, ReferralRequests.aReferralOfSomeoneNew());
        Map<String, Long> before = database.rowCounts();

        ApiResponse withdraw = api.post("/referrals/" + onRegister.referralId() + "/withdrawal", dsrTeam,
                Map.of("reason", "NO_LONGER_NEEDED"));
        ApiResponse decline = api.post("/referrals/" + onRegister.referralId() + "/declinal", dsrTeam,
                Map.of("reason", "OTHER", "criteria", Journeys.ALL_CRITERIA_MET));

        assertProblem(withdraw, 409, "urn:dsr:problem:referral-closed");
        assertProblem(decline, 409, "urn:dsr:problem:referral-closed");
        assertThat(database.rowCounts()).isEqualTo(before);
    }

    // ---- self or family referral ------------------------------------------------------------------------------------

    @Test
    void aSelfOrFamilyReferralIsAMinimalFirstContactCompletedByTheDsrTeam() {
        String givenName = "Tamsin" + TestNames.suffix();
        ApiResponse taken = api.post("/referrals/self-or-family", dsrTeam, Map.of(
                "givenName", givenName, "familyName", "Pendragon-Vale", "postcode", "ba1 1aa",
                "phone", "07700 900123", "reasonForReferral", "Our son is struggling at home",
                "madeBy", Map.of("relationship", "PARENT_OR_CARER", "name", "Morwenna Pendragon-Vale",
                        "hasParentalResponsibility", true)));
        assertThat(taken.status()).as(taken.text()).isEqualTo(201);
        String referralId = taken.json().get("referralId").asText();
        String personId = taken.json().get("personId").asText();

        JsonNode person = journeys.person(personId);
        assertThat(person.at("/address/postcode").asText()).isEqualTo("BA1 1AA");
        assertThat(person.at("/contacts/0/relationship").asText()).isEqualTo("PARENT_OR_CARER");
        assertThat(person.at("/contacts/0/hasParentalResponsibility").asBoolean()).isTrue();
        assertThat(person.at("/referrals/0/complete").asBoolean()).isFalse();
        // Nobody outside referral-service hears of it until it says the person's age and locality.
        assertThat(database.outboxEvents(EventTypes.REFERRAL_RECEIVED_V1, personId)).isZero();

        // Contact waits for completion (completion is part of the first call).
        assertProblem(api.post("/referrals/" + referralId + "/contact", dsrTeam, Map.of()), 409,
                "urn:dsr:problem:referral-incomplete");

        ApiResponse completed = api.post("/referrals/" + referralId + "/completion", dsrTeam, Map.of(
                "dateOfBirth", LocalDate.now().minusYears(12).toString(), "locality", "BATH_AND_NORTH_EAST_SOMERSET",
                "diagnosis", "ASSESSMENT_PATHWAY", "reasonForReferral", "Family asking for help",
                "currentIssues", "Not attending school; distress at home", "indicativeRag", "AMBER"));
        assertThat(completed.status()).as(completed.text()).isEqualTo(200);

        assertThat(database.outboxEvents(EventTypes.REFERRAL_RECEIVED_V1, personId)).isOne();
        JsonNode received = events.awaitEvent(EventTypes.REFERRAL_RECEIVED_V1, personId);
        assertThat(received.get("route").asText()).isEqualTo("SELF_OR_FAMILY");
        assertThat(received.get("locality").asText()).isEqualTo("BATH_AND_NORTH_EAST_SOMERSET");
        assertThat(received.get("ageBand").asText()).isEqualTo("AGE_10_TO_13");
        assertThat(received.get("receivedAt").asText()).isEqualTo(taken.json().get("receivedAt").asText());
        assertThat(journeys.contact(referralId).get("status").asText()).isEqualTo("CONTACTED");
        assertProblem(api.post("/referrals/" + referralId + "/completion", dsrTeam, Map.of(
                "dateOfBirth", "2014-01-01", "locality", "SWINDON", "reasonForReferral", "r", "currentIssues", "c")),
                409, "urn:dsr:problem:referral-already-complete");
    }

    @Test
    void aSelfOrFamilyReferralNeedsAPhoneNumberOrAnEmailAndOnlyTheDsrTeamTakesIt() {
        Map<String, Long> before = database.rowCounts();
        Map<String, Object> noWayToReply = Map.of("givenName", "Tamsin", "familyName", "Pendragon", "postcode", "BA1 1AA");

        ApiResponse refused = api.post("/referrals/self-or-family", dsrTeam, noWayToReply);
        ApiResponse professional = api.post("/referrals/self-or-family", referrer,
                Map.of("givenName", "Tamsin", "familyName", "Pendragon", "postcode", "BA1 1AA", "email", "t@example.org"));

        assertProblemNaming(refused, "phone");
        assertThat(professional.status()).as("professionals refer on the professional route").isEqualTo(403);
        assertThat(database.rowCounts()).isEqualTo(before);
    }

    @Test
    void aSelfOrFamilyReferralWithdrawnBeforeCompletionWasNeverAnnouncedAndIsNotNow() {
        ApiResponse taken = api.post("/referrals/self-or-family", dsrTeam, Map.of("givenName", "Kerensa" + TestNames.suffix(),
                "familyName", "Trelawny", "postcode", "SN1 2JH", "email", "kerensa@example.org"));
        String personId = taken.json().get("personId").asText();

        ApiResponse withdrawn = api.post("/referrals/" + taken.json().get("referralId").asText() + "/withdrawal", dsrTeam,
                Map.of("reason", "PERSON_OR_FAMILY_WITHDREW"));

        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(database.outboxEvents(EventTypes.REFERRAL_WITHDRAWN_V1, personId)).isZero();
        assertThat(database.outboxEvents(EventTypes.REFERRAL_RECEIVED_V1, personId)).isZero();
    }

    @Test
    void aProfessionalReferralOfSomeoneKnownFromAFirstContactFillsInWhatTheRecordLacks() {
        String givenName = "Jory" + TestNames.suffix();
        String personId = api.post("/referrals/self-or-family", dsrTeam, Map.of("givenName", givenName,
                "familyName", "Penhallow", "postcode", "SN1 2JH", "phone", "07700 900555")).json().get("personId").asText();
        String nhsNumber = TestNhsNumbers.next();
        assertThat(api.put("/people/" + personId + "/identity", dsrTeam, Map.of("givenName", givenName,
                "familyName", "Penhallow", "dateOfBirth", "2013-05-05", "nhsNumber", nhsNumber)).status()).isEqualTo(204);

        JsonNode receipt = journeys.refer(referrer, ReferralRequests.aReferral().with("nhsNumber", nhsNumber)
                .with("givenName", givenName).with("dateOfBirth", "2013-05-05").with("locality", "WILTSHIRE"));

        assertThat(receipt.get("personId").asText()).isEqualTo(personId);
        assertThat(journeys.person(personId).get("locality").asText()).isEqualTo("WILTSHIRE");
        assertThat(events.awaitEvent(EventTypes.REFERRAL_RECEIVED_V1, personId).get("locality").asText())
                .isEqualTo("WILTSHIRE");
    }

    // ---- possible duplicates ----------------------------------------------------------------------------------------

    @Test
    void someoneWithTheSameNameAndDateOfBirthButNoNhsNumberIsFlaggedNotMergedUntilTheDsrTeamSaysSo() {
        ReferralRequests someone = ReferralRequests.aReferralOfSomeoneNew();
        String known = journeys.refer(referrer, someone).get("personId").asText();

        JsonNode newcomer = journeys.refer(referrer, someone.without("nhsNumber"));

        assertThat(newcomer.get("personId").asText()).as("not merged").isNotEqualTo(known);
        JsonNode flag = await().atMost(Duration.ofSeconds(5)).until(() -> flagOf(known), java.util.Objects::nonNull);
        assertThat(List.of(flag.at("/person/personId").asText(), flag.at("/possibleDuplicate/personId").asText()))
                .containsExactlyInAnyOrder(known, newcomer.get("personId").asText());

        ApiResponse resolved = api.post("/worklists/people/possible-duplicates/" + flag.get("flagId").asText()
                + "/resolution", dsrTeam, Map.of("outcome", "SAME_PERSON"));

        assertThat(resolved.status()).as("merged: issue 16").isEqualTo(200);
        assertThat(resolved.json().get("personId").asText()).as("the older record survives").isEqualTo(known);
        assertThat(flagOf(known)).as("off the worklist").isNull();
        assertProblem(api.post("/worklists/people/possible-duplicates/" + flag.get("flagId").asText() + "/resolution",
                dsrTeam, Map.of("outcome", "SAME_PERSON")), 404, "urn:dsr:problem:not-found");
    }

    private JsonNode flagOf(String personId) {
        for (JsonNode flag : api.get("/worklists/people/possible-duplicates?size=200", dsrTeam).json().get("items")) {
            if (flag.at("/person/personId").asText().equals(personId)
                    || flag.at("/possibleDuplicate/personId").asText().equals(personId)) {
                return flag;
            }
        }
        return null;
    }

    // ---- bad values -----------------------------------------------------------------------------------------------

    /** A lifecycle request with one bad value. */
    record BadRequest(String what, String step, Map<String, Object> body, String field) {
        @Override
        public String toString() {
            return what;
        }
    }

    static Stream<BadRequest> badRequests() {
        Map<String, Object> criteriaWithoutArea = new LinkedHashMap<>(Journeys.ALL_CRITERIA_MET);
        criteriaWithoutArea.remove("livesInIcbArea");
        return Stream.of(
                new BadRequest("acceptance without criteria", "acceptance", Map.of(), "criteria"),
                new BadRequest("acceptance without one criterion", "acceptance",
                        Map.of("criteria", criteriaWithoutArea), "criteria.livesInIcbArea"),
                new BadRequest("a criterion that is not true or false", "acceptance",
                        Map.of("criteria", Map.of("learningDisabilityOrAutism", "perhaps",
                                "atRiskOfAdmissionOrPlacementBreakdown", true, "livesInIcbArea", true)),
                        ApiProblems.UNREADABLE + "learningDisabilityOrAutism"),
                new BadRequest("a responsible professional over 200 characters", "acceptance",
                        Map.of("criteria", Journeys.ALL_CRITERIA_MET, "responsibleProfessional", "p".repeat(201)),
                        "responsibleProfessional"),
                new BadRequest("a declinal without a reason", "declinal",
                        Map.of("criteria", Journeys.ALL_CRITERIA_MET), "reason"),
                new BadRequest("a decline reason that is not one", "declinal",
                        Map.of("reason", "TOO_BUSY", "criteria", Journeys.ALL_CRITERIA_MET), "reason"),
                new BadRequest("declinal notes over 4000 characters", "declinal",
                        Map.of("reason", "OTHER", "criteria", Journeys.ALL_CRITERIA_MET, "notes", "n".repeat(4001)),
                        "notes"),
                new BadRequest("a withdrawal without a reason", "withdrawal", Map.of(), "reason"),
                new BadRequest("a withdrawal reason that is not one", "withdrawal", Map.of("reason", "BORED"), "reason"),
                new BadRequest("a completion with a locality the ICB does not have", "completion",
                        Map.of("dateOfBirth", "2012-01-01", "locality", "LEEDS", "reasonForReferral", "r",
                                "currentIssues", "c"), "locality"),
                new BadRequest("a completion without current issues", "completion",
                        Map.of("dateOfBirth", "2012-01-01", "locality", "SWINDON", "reasonForReferral", "r"),
                        "currentIssues"),
                new BadRequest("a completion with a date of birth in the future", "completion",
                        Map.of("dateOfBirth", LocalDate.now().plusDays(2).toString(), "locality", "SWINDON",
                                "reasonForReferral", "r", "currentIssues", "c"), "dateOfBirth"),
                new BadRequest("a completion with a wrong NHS number", "completion",
                        Map.of("dateOfBirth", "2012-01-01", "locality", "SWINDON", "nhsNumber", "943 476 5918",
                                "reasonForReferral", "r", "currentIssues", "c"), "nhsNumber"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void aBadValueIsRefusedNamingTheFieldAndNothingIsWritten(BadRequest bad) {
        String referralId = contactedReferral().get("referralId").asText();
        Map<String, Long> before = database.rowCounts();

        ApiResponse response = api.post("/referrals/" + referralId + "/" + bad.step(), dsrTeam, bad.body());

        assertProblemNaming(response, bad.field());
        assertThat(database.rowCounts()).isEqualTo(before);
    }

    @Test
    void aReferralIdThatIsNotAUuidIsRefusedNamingIt() {
        assertProblemNaming(api.post("/referrals/not-an-id/contact", dsrTeam, Map.of()), "referralId");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private JsonNode contactedReferral() {
        JsonNode receipt = journeys.refer(referrer, ReferralRequests.aReferralOfSomeoneNew());
        journeys.contact(receipt.get("referralId").asText());
        return receipt;
    }

    static void assertProblem(ApiResponse response, int status, String type) {
        ApiProblems.assertProblem(response, status, type);
    }

    static void assertProblemNaming(ApiResponse response, String field) {
        ApiProblems.assertProblemNaming(response, field);
    }
}
