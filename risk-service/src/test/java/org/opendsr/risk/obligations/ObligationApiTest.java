package org.opendsr.risk.obligations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.contracts.common.AgeBand;
import org.opendsr.contracts.common.LifeStage;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.risk.support.RiskServiceUnderTest;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.TopicReader;

/**
 * What each rating obliges, through the API on a real database and broker: obligations opened by a rating, read by
 * the care team, completed by the DSR team (refused to a care-team professional and unknown to an outsider), the
 * worklist before and after a sweep at a later day, and every event published once.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObligationApiTest extends RiskServiceUnderTest {

    @Value("${datasources.default.url}")
    String databaseUrl;

    @Value("${datasources.default.username}")
    String databaseUser;

    @Value("${datasources.default.password}")
    String databasePassword;

    private TopicReader riskEvents;

    @BeforeAll
    void readRiskEvents() {
        riskEvents = TopicReader.fromBeginning(Topics.RISK_EVENTS);
    }

    @AfterAll
    void stopReading() {
        riskEvents.close();
    }

    /** A 18-24 year old accepted with the referrer's indicative RED. */
    private UUID youngPersonRatedRed() {
        UUID personId = referrals.onRegister(LifeStage.ADULT, AgeBand.AGE_18_TO_24, RagRating.RED);
        api.awaitRating(personId, "RED");
        return personId;
    }

    private JsonNode obligationsOf(UUID personId) {
        ApiResponse response = api.http.get("/ratings/people/" + personId + "/obligations", api.professional);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json().get("obligations");
    }

    private JsonNode open(UUID personId, String kind) {
        return StreamSupport.stream(obligationsOf(personId).spliterator(), false)
                .filter(o -> kind.equals(o.get("kind").asText()))
                .filter(o -> List.of("DUE", "BOOKED", "OVERDUE").contains(o.get("status").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no open " + kind + " for " + personId));
    }

    private ApiResponse complete(String obligationId, String token, Map<String, Object> body) {
        return api.http.post("/ratings/obligations/" + obligationId + "/completion", token, body);
    }

    /** Every line of the worklist the caller sees with this query, through all its pages. */
    private List<String> worklistIds(String token, String query) {
        List<String> ids = new ArrayList<>();
        String after = null;
        do {
            ApiResponse response = api.http.get("/ratings/worklists/obligations?limit=200&" + query
                    + (after == null ? "" : "&after=" + after), token);
            assertThat(response.status()).as(response.text()).isEqualTo(200);
            response.json().get("entries").forEach(entry -> ids.add(entry.get("obligationId").asText()));
            after = response.json().get("next").isNull() ? null : response.json().get("next").asText();
        } while (after != null);
        return ids;
    }

    /** How many events of a type the outbox holds for one obligation: what was written, whatever was relayed. */
    private long eventsInOutbox(String type, String obligationId) {
        try (Connection connection = DriverManager.getConnection(databaseUrl, databaseUser, databasePassword);
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM dsr_kit.outbox_event WHERE type = ? AND payload->>'obligationId' = ?")) {
            query.setString(1, type);
            query.setString(2, obligationId);
            try (ResultSet found = query.executeQuery()) {
                found.next();
                return found.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode dataOf(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record) {
        try {
            return org.opendsr.testkit.ApiClient.JSON.readTree(record.value()).get("data");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void assertProblem(ApiResponse response, int status, String field) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(response.json().get("errors").findValuesAsText("field")).as(response.text()).contains(field);
        }
    }

    @Test
    void redAtAcceptanceObligesACommunityCtrAndAKeyworkerReferralEachAnnouncedOnce() {
        UUID personId = youngPersonRatedRed();
        LocalDate today = api.today();

        JsonNode ctr = open(personId, "COMMUNITY_CTR");
        assertThat(ctr.get("status").asText()).isEqualTo("DUE");
        assertThat(ctr.get("dueOn").asText()).isEqualTo(today.plusDays(14).toString());
        assertThat(ctr.get("ratingAtOpening").asText()).isEqualTo("RED");
        assertThat(ctr.get("openedBy").asText()).isEqualTo("INDICATIVE_AT_ACCEPTANCE");
        JsonNode keyworker = open(personId, "KEYWORKER_REFERRAL");
        assertThat(keyworker.get("dueOn").asText()).isEqualTo(today.plusDays(14).toString());

        String ctrId = ctr.get("obligationId").asText();
        var published = riskEvents.awaitRecord(record -> personId.toString().equals(record.key())
                && record.value().contains(EventTypes.RISK_OBLIGATION_DUE_V1) && record.value().contains(ctrId));
        assertThat(dataOf(published).get("kind").asText()).isEqualTo("COMMUNITY_CTR");
        assertThat(dataOf(published).get("dueOn").asText()).isEqualTo(today.plusDays(14).toString());
        assertThat(eventsInOutbox(EventTypes.RISK_OBLIGATION_DUE_V1, ctrId)).isEqualTo(1);
        assertThat(eventsInOutbox(EventTypes.RISK_OBLIGATION_DUE_V1, keyworker.get("obligationId").asText()))
                .isEqualTo(1);
    }

    @Test
    void theCareTeamReadsAPersonsObligationsAndNobodyElse() {
        UUID personId = youngPersonRatedRed();

        assertThat(api.http.get("/ratings/people/" + personId + "/obligations", api.dsrTeam).status()).isEqualTo(200);
        assertThat(api.http.get("/ratings/people/" + personId + "/obligations", api.dsrLead).status()).isEqualTo(200);
        assertProblem(api.http.get("/ratings/people/" + personId + "/obligations", api.anotherProfessional), 404, null);
        assertProblem(api.http.get("/ratings/people/" + personId + "/obligations", api.dsrTeamInWiltshire), 404, null);
        for (String refused : List.of(api.analyst, api.admin, api.agencySystem)) {
            assertThat(api.http.get("/ratings/people/" + personId + "/obligations", refused).status())
                    .isEqualTo(403);
        }
    }

    @Test
    void theDsrTeamCompletesAnObligationAProfessionalMayNotAndAnOutsiderCannotSeeIt() {
        UUID personId = youngPersonRatedRed();
        String ctrId = open(personId, "COMMUNITY_CTR").get("obligationId").asText();
        Map<String, Object> laepToday = Map.of("completedOn", api.today().toString(), "reviewType", "LAEP");

        assertProblem(complete(ctrId, api.professional, laepToday), 403, null);
        assertProblem(complete(ctrId, api.anotherProfessional, laepToday), 404, null);
        assertThat(complete(ctrId, api.analyst, laepToday).status()).isEqualTo(403);
        assertThat(open(personId, "COMMUNITY_CTR").get("status").asText()).isEqualTo("DUE");

        ApiResponse done = complete(ctrId, api.dsrTeam, laepToday);

        assertThat(done.status()).as(done.text()).isEqualTo(200);
        assertThat(done.json().get("status").asText()).isEqualTo("DONE");
        assertThat(done.json().get("reviewType").asText()).isEqualTo("LAEP");
        assertThat(done.json().get("completedOn").asText()).isEqualTo(api.today().toString());
        ApiResponse again = complete(ctrId, api.dsrTeam, laepToday);
        assertProblem(again, 409, null);
        assertThat(again.json().get("type").asText()).isEqualTo("urn:dsr:problem:obligation-closed");

        var published = riskEvents.awaitRecord(record -> personId.toString().equals(record.key())
                && record.value().contains(EventTypes.RISK_OBLIGATION_COMPLETED_V1) && record.value().contains(ctrId));
        assertThat(dataOf(published).get("outcome").asText()).isEqualTo("DONE");
        assertThat(dataOf(published).get("reviewType").asText()).isEqualTo("LAEP");
        assertThat(eventsInOutbox(EventTypes.RISK_OBLIGATION_COMPLETED_V1, ctrId)).isEqualTo(1);
    }

    @Test
    void notNeededKeepsItsReasonInRiskService() {
        UUID personId = youngPersonRatedRed();
        String keyworkerId = open(personId, "KEYWORKER_REFERRAL").get("obligationId").asText();

        assertProblem(api.http.post("/ratings/obligations/" + keyworkerId + "/not-needed", api.dsrTeam, Map.of()),
                400, "reason");
        ApiResponse closed = api.http.post("/ratings/obligations/" + keyworkerId + "/not-needed", api.dsrTeam,
                Map.of("reason", "Already supported by the keyworker service"));

        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        assertThat(closed.json().get("status").asText()).isEqualTo("NOT_NEEDED");
        assertThat(closed.json().get("notNeededReason").asText()).isEqualTo("Already supported by the keyworker service");
        var published = riskEvents.awaitRecord(record -> personId.toString().equals(record.key())
                && record.value().contains(EventTypes.RISK_OBLIGATION_COMPLETED_V1)
                && record.value().contains(keyworkerId));
        assertThat(dataOf(published).get("outcome").asText()).isEqualTo("NOT_NEEDED");
        assertThat(published.value()).doesNotContain("keyworker service");
        assertThat(eventsInOutbox(EventTypes.RISK_OBLIGATION_COMPLETED_V1, keyworkerId)).isEqualTo(1);
    }

    @Test
    void aBadCompletionIsRefusedNamingTheFieldAndChangesNothing() {
        UUID personId = youngPersonRatedRed();
        String ctrId = open(personId, "COMMUNITY_CTR").get("obligationId").asText();
        String today = api.today().toString();

        assertProblem(complete(ctrId, api.dsrTeam, Map.of()), 400, "completedOn");
        assertProblem(complete(ctrId, api.dsrTeam, Map.of("completedOn", api.today().plusDays(1).toString())), 400,
                "completedOn");
        assertProblem(complete(ctrId, api.dsrTeam, Map.of("completedOn", today, "reviewType", "OVERSIGHT_VISIT")),
                400, "reviewType");
        assertProblem(complete(ctrId, api.dsrTeam, Map.of("completedOn", today, "partners", List.of("CAMHS"))), 400,
                "partners");
        assertThat(complete(ctrId, api.dsrTeam, Map.of("completedOn", today, "reviewType", "NOT_A_REVIEW")).status())
                .isEqualTo(400);
        assertProblem(api.http.post("/ratings/obligations/" + ctrId + "/booking", api.dsrTeam,
                Map.of("bookedFor", api.today().minusDays(1).toString())), 400, "bookedFor");
        assertProblem(complete(UUID.randomUUID().toString(), api.dsrTeam, Map.of("completedOn", today)), 404, null);

        assertThat(open(personId, "COMMUNITY_CTR").get("status").asText()).isEqualTo("DUE");
        assertThat(eventsInOutbox(EventTypes.RISK_OBLIGATION_COMPLETED_V1, ctrId)).isZero();
    }

    @Test
    void theWorklistShowsWhatIsDueToWhoMaySeeItAndWhatIsOverdueAfterASweepOnALaterDay() {
        UUID personId = youngPersonRatedRed();
        String ctrId = open(personId, "COMMUNITY_CTR").get("obligationId").asText();
        String keyworkerId = open(personId, "KEYWORKER_REFERRAL").get("obligationId").asText();
        ApiResponse booked = api.http.post("/ratings/obligations/" + keyworkerId + "/booking", api.dsrTeam,
                Map.of("bookedFor", api.today().plusDays(3).toString()));
        assertThat(booked.status()).as(booked.text()).isEqualTo(200);
        assertThat(booked.json().get("status").asText()).isEqualTo("BOOKED");

        assertThat(worklistIds(api.dsrTeam, "status=DUE")).contains(ctrId).doesNotContain(keyworkerId);
        assertThat(worklistIds(api.dsrTeam, "status=BOOKED")).contains(keyworkerId).doesNotContain(ctrId);
        assertThat(worklistIds(api.dsrTeam, "kind=COMMUNITY_CTR&area=SWINDON")).contains(ctrId);
        assertThat(worklistIds(api.dsrTeam, "kind=COMMUNITY_CTR&area=WILTSHIRE")).doesNotContain(ctrId);
        assertThat(worklistIds(api.professional, "")).contains(ctrId, keyworkerId);
        assertThat(worklistIds(api.anotherProfessional, "")).doesNotContain(ctrId, keyworkerId);
        assertThat(worklistIds(api.dsrTeamInWiltshire, "")).doesNotContain(ctrId);
        for (String refused : List.of(api.analyst, api.admin, api.agencySystem)) {
            assertThat(api.http.get("/ratings/worklists/obligations", refused).status()).isEqualTo(403);
        }
        assertProblem(api.http.get("/ratings/worklists/obligations?status=DONE", api.dsrTeam), 400, "status");

        // Due in 14 days: on time on the 14th, overdue on the 15th.
        api.advanceClockByDays(14);
        api.sweep();
        assertThat(worklistIds(api.dsrTeam, "status=OVERDUE")).doesNotContain(ctrId);
        api.advanceClockByDays(1);
        api.sweep();
        api.sweep();

        assertThat(worklistIds(api.dsrTeam, "status=OVERDUE")).contains(ctrId, keyworkerId);
        assertThat(worklistIds(api.dsrTeam, "status=DUE")).doesNotContain(ctrId);
        var published = riskEvents.awaitRecord(record -> personId.toString().equals(record.key())
                && record.value().contains(EventTypes.RISK_OBLIGATION_OVERDUE_V1) && record.value().contains(ctrId));
        assertThat(dataOf(published).get("kind").asText()).isEqualTo("COMMUNITY_CTR");
        assertThat(eventsInOutbox(EventTypes.RISK_OBLIGATION_OVERDUE_V1, ctrId)).isEqualTo(1);
        assertThat(eventsInOutbox(EventTypes.RISK_OBLIGATION_OVERDUE_V1, keyworkerId)).isEqualTo(1);

        // Booked once overdue, it is still overdue (with its booking) and the next sweep does not announce it again.
        ApiResponse lateBooking = api.http.post("/ratings/obligations/" + ctrId + "/booking", api.dsrTeam,
                Map.of("bookedFor", api.today().plusDays(2).toString()));
        assertThat(lateBooking.status()).as(lateBooking.text()).isEqualTo(200);
        assertThat(lateBooking.json().get("status").asText()).isEqualTo("OVERDUE");
        assertThat(lateBooking.json().get("bookedFor").asText()).isEqualTo(api.today().plusDays(2).toString());
        api.sweep();
        assertThat(worklistIds(api.dsrTeam, "status=OVERDUE")).contains(ctrId);
        assertThat(worklistIds(api.dsrTeam, "status=BOOKED")).doesNotContain(ctrId);
        assertThat(eventsInOutbox(EventTypes.RISK_OBLIGATION_OVERDUE_V1, ctrId)).isEqualTo(1);
    }

    @Test
    void anAdmissionObligesTheInpatientReviewsAndDischargeClosesThem() {
        UUID personId = referrals.onRegister(LifeStage.ADULT, AgeBand.AGE_35_TO_49, RagRating.AMBER);
        api.awaitRating(personId, "AMBER");
        LocalDate admittedOn = api.today();

        referrals.admitted(personId, admittedOn);
        api.awaitRating(personId, "BLUE");

        JsonNode postAdmission = open(personId, "POST_ADMISSION_CTR");
        assertThat(open(personId, "INPATIENT_CTR").get("dueOn").asText())
                .isEqualTo(admittedOn.plusMonths(6).toString());
        assertThat(open(personId, "COMMISSIONER_OVERSIGHT_VISIT").get("dueOn").asText())
                .isEqualTo(admittedOn.plusWeeks(8).toString());
        assertThat(open(personId, "MULTI_AGENCY_REVIEW").get("status").asText()).isEqualTo("DUE");

        ApiResponse visit = complete(open(personId, "COMMISSIONER_OVERSIGHT_VISIT").get("obligationId").asText(),
                api.dsrTeam, Map.of("completedOn", api.today().toString()));
        assertThat(visit.status()).as(visit.text()).isEqualTo(200);
        assertThat(open(personId, "COMMISSIONER_OVERSIGHT_VISIT").get("dueOn").asText())
                .isEqualTo(api.today().plusWeeks(8).toString());

        referrals.discharged(personId, api.today());
        api.awaitRating(personId, "RED");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(open(personId, "COMMUNITY_CTR")).isNotNull());
        JsonNode all = obligationsOf(personId);
        List<String> inpatientStatuses = StreamSupport.stream(all.spliterator(), false)
                .filter(o -> List.of("POST_ADMISSION_CTR", "INPATIENT_CTR", "COMMISSIONER_OVERSIGHT_VISIT")
                        .contains(o.get("kind").asText()) && !"DONE".equals(o.get("status").asText()))
                .map(o -> o.get("status").asText() + " " + o.get("notNeededReason").asText()).toList();
        assertThat(inpatientStatuses).hasSize(3).allMatch("NOT_NEEDED discharged"::equals);
        assertThat(open(personId, "MULTI_AGENCY_REVIEW").get("status").asText()).isEqualTo("DUE");
        assertThat(eventsInOutbox(EventTypes.RISK_OBLIGATION_COMPLETED_V1,
                postAdmission.get("obligationId").asText())).isEqualTo(1);
    }

    @Test
    void turning18AnnouncedTwoMonthsAheadKeepsTheChildsInpatientReviewsUntilTheMonthAfterThenTheAdults() {
        // referral-service announces the month of the 18th birthday on the first of the month two months before it.
        LocalDate today = api.today();
        java.time.YearMonth turns18In = java.time.YearMonth.from(today).plusMonths(2);
        UUID personId = referrals.onRegister(LifeStage.CHILD, AgeBand.AGE_14_TO_17, RagRating.AMBER);
        api.awaitRating(personId, "AMBER");
        referrals.turning18(personId, turns18In);
        referrals.admitted(personId, today);
        api.awaitRating(personId, "BLUE");

        // Announced, not yet 18: a child's inpatient C(E)TR, 3-monthly.
        assertThat(open(personId, "INPATIENT_CTR").get("dueOn").asText()).isEqualTo(today.plusMonths(3).toString());

        // In the birthday month the birthday may be still to come: still a child's review, 3 months on.
        api.advanceClockByDays(ChronoUnit.DAYS.between(today, turns18In.atDay(1)));
        LocalDate inTheBirthdayMonth = api.today();
        assertThat(complete(open(personId, "INPATIENT_CTR").get("obligationId").asText(), api.dsrTeam,
                Map.of("completedOn", inTheBirthdayMonth.toString())).status()).isEqualTo(200);
        assertThat(open(personId, "INPATIENT_CTR").get("dueOn").asText())
                .isEqualTo(inTheBirthdayMonth.plusMonths(3).toString());

        // From the first of the month after it they are an adult: the next inpatient CTR is 6 months on.
        api.advanceClockByDays(ChronoUnit.DAYS.between(inTheBirthdayMonth, turns18In.plusMonths(1).atDay(1)));
        LocalDate anAdult = api.today();
        ApiResponse adultsReview = complete(open(personId, "INPATIENT_CTR").get("obligationId").asText(),
                api.dsrTeam, Map.of("completedOn", anAdult.toString()));
        assertThat(adultsReview.status()).as(adultsReview.text()).isEqualTo(200);
        assertThat(open(personId, "INPATIENT_CTR").get("dueOn").asText()).isEqualTo(anAdult.plusMonths(6).toString());
    }

    @Test
    void someoneReferredAt18To24MoreThanSevenYearsAgoIsNoLongerOfferedAKeyworkerReferral() {
        // Referred in the 18-24 band: 25 at the latest 7 years after the referral's day.
        java.time.Instant longAgo = clock.instant().minus(Duration.ofDays(366L * 7 + 2));
        UUID personId = UUID.randomUUID();
        referrals.referred(personId, LifeStage.ADULT, AgeBand.AGE_18_TO_24, longAgo, RagRating.GREEN);
        referrals.accepted(personId);
        api.awaitRating(personId, "GREEN");

        ApiResponse red = api.rate(personId, api.dsrTeam, org.opendsr.risk.support.RiskApi.decision("RED"));
        assertThat(red.status()).as(red.text()).isEqualTo(201);

        assertThat(open(personId, "COMMUNITY_CTR")).isNotNull();
        assertThat(StreamSupport.stream(obligationsOf(personId).spliterator(), false)
                .map(o -> o.get("kind").asText())).doesNotContain("KEYWORKER_REFERRAL");

        // Referred in that band six years ago, they may still be 24: the referral is suggested.
        UUID stillYoung = UUID.randomUUID();
        referrals.referred(stillYoung, LifeStage.ADULT, AgeBand.AGE_18_TO_24,
                clock.instant().minus(Duration.ofDays(365L * 6)), RagRating.RED);
        referrals.accepted(stillYoung);
        api.awaitRating(stillYoung, "RED");
        assertThat(open(stillYoung, "KEYWORKER_REFERRAL")).isNotNull();
    }

    @Test
    void recordingASecureSettingMovesTheInpatientCtrTo12MonthsAfterAdmissionAndSaysSo() {
        UUID personId = referrals.onRegister(LifeStage.ADULT, AgeBand.AGE_35_TO_49, RagRating.AMBER);
        api.awaitRating(personId, "AMBER");
        LocalDate admittedOn = api.today();
        referrals.admitted(personId, admittedOn);
        api.awaitRating(personId, "BLUE");
        String inpatientCtrId = open(personId, "INPATIENT_CTR").get("obligationId").asText();

        ApiResponse recorded = api.http.put("/ratings/people/" + personId + "/inpatient-setting", api.dsrTeam,
                Map.of("setting", "SECURE"));

        assertThat(recorded.status()).as(recorded.text()).isEqualTo(200);
        JsonNode inpatientCtr = open(personId, "INPATIENT_CTR");
        assertThat(inpatientCtr.get("obligationId").asText()).isEqualTo(inpatientCtrId);
        assertThat(inpatientCtr.get("dueOn").asText()).isEqualTo(admittedOn.plusMonths(12).toString());
        List<JsonNode> announced = riskEvents.awaitRecords(record -> personId.toString().equals(record.key())
                && record.value().contains(EventTypes.RISK_OBLIGATION_DUE_V1) && record.value().contains(inpatientCtrId),
                2).stream().map(ObligationApiTest::dataOf).toList();
        assertThat(announced).extracting(data -> data.get("dueOn").asText())
                .containsExactly(admittedOn.plusMonths(6).toString(), admittedOn.plusMonths(12).toString());
        assertThat(eventsInOutbox(EventTypes.RISK_OBLIGATION_DUE_V1, inpatientCtrId)).isEqualTo(2);
    }

    @Test
    void pastItsDueDateAnObligationIsOverdueOnTheWorklistBeforeAnySweepAndBookingItDoesNotHideThat() {
        UUID personId = youngPersonRatedRed();
        JsonNode ctr = open(personId, "COMMUNITY_CTR");
        String ctrId = ctr.get("obligationId").asText();
        LocalDate dueOn = LocalDate.parse(ctr.get("dueOn").asText());

        // The day after its due date, and no sweep has run yet.
        api.advanceClockByDays(ChronoUnit.DAYS.between(api.today(), dueOn) + 1);

        assertThat(worklistIds(api.dsrTeam, "status=OVERDUE")).contains(ctrId);
        assertThat(worklistIds(api.dsrTeam, "status=DUE")).doesNotContain(ctrId);
        assertThat(open(personId, "COMMUNITY_CTR").get("status").asText()).isEqualTo("OVERDUE");
        assertThat(eventsInOutbox(EventTypes.RISK_OBLIGATION_OVERDUE_V1, ctrId)).isZero();

        // Booked before the sweep: still overdue, and the sweep announces it once.
        String bookedFor = api.today().plusDays(2).toString();
        ApiResponse booked = api.http.post("/ratings/obligations/" + ctrId + "/booking", api.dsrTeam,
                Map.of("bookedFor", bookedFor));
        assertThat(booked.status()).as(booked.text()).isEqualTo(200);
        assertThat(booked.json().get("status").asText()).isEqualTo("OVERDUE");
        assertThat(booked.json().get("bookedFor").asText()).isEqualTo(bookedFor);
        assertThat(worklistIds(api.dsrTeam, "status=OVERDUE")).contains(ctrId);
        assertThat(worklistIds(api.dsrTeam, "status=BOOKED")).doesNotContain(ctrId);
        api.sweep();
        assertThat(eventsInOutbox(EventTypes.RISK_OBLIGATION_OVERDUE_V1, ctrId)).isEqualTo(1);

        // Booked again once announced: still overdue, never announced twice.
        ApiResponse moved = api.http.post("/ratings/obligations/" + ctrId + "/booking", api.dsrTeam,
                Map.of("bookedFor", api.today().plusDays(3).toString()));
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        assertThat(moved.json().get("status").asText()).isEqualTo("OVERDUE");
        api.sweep();
        assertThat(worklistIds(api.dsrTeam, "status=OVERDUE")).contains(ctrId);
        JsonNode seen = open(personId, "COMMUNITY_CTR");
        assertThat(seen.get("status").asText()).isEqualTo("OVERDUE");
        assertThat(seen.get("bookedFor").asText()).isEqualTo(api.today().plusDays(3).toString());
        assertThat(eventsInOutbox(EventTypes.RISK_OBLIGATION_OVERDUE_V1, ctrId)).isEqualTo(1);
    }

    @Test
    void anUnknownObligationAndSomeoneElsesAnswerTheSame404AndTheRefusalIsAudited() {
        UUID personId = youngPersonRatedRed();
        String ctrId = open(personId, "COMMUNITY_CTR").get("obligationId").asText();
        String unknownId = UUID.randomUUID().toString();
        Map<String, Map<String, Object>> actions = Map.of(
                "booking", Map.of("bookedFor", api.today().plusDays(1).toString()),
                "completion", Map.of("completedOn", api.today().toString()),
                "not-needed", Map.of("reason", "Not needed"));

        actions.forEach((action, body) -> {
            for (String outsider : List.of(api.anotherProfessional, api.dsrTeamInWiltshire)) {
                ApiResponse someoneElses = api.http.post("/ratings/obligations/" + ctrId + "/" + action, outsider,
                        body);
                ApiResponse unknown = api.http.post("/ratings/obligations/" + unknownId + "/" + action, outsider,
                        body);
                assertProblem(someoneElses, 404, null);
                assertProblem(unknown, 404, null);
                for (String part : List.of("type", "title", "status", "detail")) {
                    assertThat(someoneElses.json().path(part)).as(action + " " + part)
                            .isEqualTo(unknown.json().path(part));
                }
            }
        });

        assertThat(open(personId, "COMMUNITY_CTR").get("status").asText()).isEqualTo("DUE");
        String trail = api.http.get("/ratings/people/" + personId + "/audit", api.dsrLead).json().toString();
        assertThat(trail).contains("professional-2").contains("dsr-team-wiltshire").contains("REFUSED");
    }

    /**
     * A completion that opens the next oversight visit and a discharge that closes the inpatient reviews, at the same
     * time: the completion waits for the person's lock (here held by the test, as a rating change would), so the
     * discharge that follows sees the visit it opened and closes it; none is left open for someone discharged.
     */
    @Test
    void aCompletionAndADischargeHappenInTurnSoNoInpatientReviewIsLeftOpen() throws Exception {
        UUID personId = referrals.onRegister(LifeStage.ADULT, AgeBand.AGE_35_TO_49, RagRating.AMBER);
        api.awaitRating(personId, "AMBER");
        referrals.admitted(personId, api.today());
        api.awaitRating(personId, "BLUE");
        String visitId = open(personId, "COMMISSIONER_OVERSIGHT_VISIT").get("obligationId").asText();

        ApiResponse completed;
        try (Connection holder = DriverManager.getConnection(databaseUrl, databaseUser, databasePassword);
             Connection watcher = DriverManager.getConnection(databaseUrl, databaseUser, databasePassword)) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "SELECT person_id FROM person_rating WHERE person_id = ? FOR UPDATE")) {
                lock.setObject(1, personId);
                lock.executeQuery().close();
            }
            int holderPid = backendPid(holder);

            CompletableFuture<ApiResponse> completion = CompletableFuture.supplyAsync(() ->
                    complete(visitId, api.dsrTeam, Map.of("completedOn", api.today().toString())));
            // Without the person's lock taken first, the completion would not wait here at all.
            int completerPid = await().atMost(Duration.ofSeconds(30)).until(
                    () -> blockedBy(watcher, List.of(holderPid), -1), pid -> pid > 0);

            referrals.discharged(personId, api.today());
            await().atMost(Duration.ofSeconds(30)).until(
                    () -> blockedBy(watcher, List.of(holderPid, completerPid), completerPid), pid -> pid > 0);

            holder.commit();
            completed = completion.get(60, TimeUnit.SECONDS);
        }

        assertThat(completed.status()).as(completed.text()).isEqualTo(200);
        api.awaitRating(personId, "RED");
        List<String> stillOpen = StreamSupport.stream(obligationsOf(personId).spliterator(), false)
                .filter(o -> List.of("POST_ADMISSION_CTR", "INPATIENT_CTR", "COMMISSIONER_OVERSIGHT_VISIT")
                        .contains(o.get("kind").asText()))
                .filter(o -> List.of("DUE", "BOOKED", "OVERDUE").contains(o.get("status").asText()))
                .map(o -> o.get("kind").asText()).toList();
        assertThat(stillOpen).isEmpty();
        long visits = StreamSupport.stream(obligationsOf(personId).spliterator(), false)
                .filter(o -> "COMMISSIONER_OVERSIGHT_VISIT".equals(o.get("kind").asText())).count();
        assertThat(visits).as("the visit done and the next one it opened").isEqualTo(2);
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT pg_backend_pid()");
             ResultSet found = query.executeQuery()) {
            found.next();
            return found.getInt(1);
        }
    }

    /** A backend (other than {@code except}) waiting for a lock one of {@code blockers} holds or waits for; or -1. */
    private static int blockedBy(Connection watcher, List<Integer> blockers, int except) throws SQLException {
        try (PreparedStatement query = watcher.prepareStatement("SELECT pid FROM pg_stat_activity "
                + "WHERE pid <> ? AND pg_blocking_pids(pid) && ?::int[] LIMIT 1")) {
            query.setInt(1, except);
            query.setArray(2, watcher.createArrayOf("int4", blockers.toArray()));
            try (ResultSet found = query.executeQuery()) {
                return found.next() ? found.getInt(1) : -1;
            }
        }
    }

    @Test
    void anUnknownKindOrCursorIsRefusedNamingTheField() {
        assertProblem(api.http.get("/ratings/worklists/obligations?kind=TEA_PARTY", api.dsrTeam), 400, "kind");
        assertProblem(api.http.get("/ratings/worklists/obligations?after=not-a-cursor", api.dsrTeam), 400, "after");
        assertProblem(api.http.get("/ratings/worklists/obligations?limit=201", api.dsrTeam), 400, "limit");
    }
}
