package org.opendsr.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opendsr.referral.ApiProblems.assertProblemNaming;

import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.contracts.EventCatalogue;
import org.opendsr.contracts.EventTypes;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.testclock.MovableClock;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.TestTokens;

/**
 * Issue 16's retention journey with the service's clock moved: a person whose referral was declined is archived 6
 * months later (gone from the listings and worklists, their record read only for a stated purpose, the read audited)
 * and erased 6 years later (no table holds a row about them but the tombstone and the audit trail,
 * {@code dsr.person.erased.v1} on the topic once however often the rules run); each service's confirmation shows on
 * the lead's "erasure complete" view. Someone whose referral is still in hand is neither, and someone who comes back
 * is brought back out of the archive at once.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetentionJourneyTest extends ReferralServiceUnderTest {

    private static final Map<String, Object> NOT_AT_RISK = Map.of("reason", "NOT_AT_RISK_OF_ADMISSION",
            "criteria", Map.of("learningDisabilityOrAutism", true, "atRiskOfAdmissionOrPlacementBreakdown", false,
                    "livesInIcbArea", true));

    @Inject
    MovableClock clock;

    private String referrer;
    private String lead;

    @BeforeAll
    void signIn() {
        referrer = TestTokens.get().tokenFor("kit.marlowe@swindon-cldt.example", DsrRoles.PROFESSIONAL);
        lead = journeys.dsrLead();
    }

    private record Declined(String personId, String referralId, ReferralRequests request) {
    }

    private Declined referredAndDeclined() {
        ReferralRequests request = ReferralRequests.aReferralOfSomeoneNew();
        JsonNode receipt = journeys.refer(referrer, request);
        String referralId = receipt.get("referralId").asText();
        journeys.contact(referralId);
        ApiResponse declined = api.post("/referrals/" + referralId + "/declinal", journeys.dsrTeam(), NOT_AT_RISK);
        assertThat(declined.status()).as(declined.text()).isEqualTo(200);
        return new Declined(receipt.get("personId").asText(), referralId, request);
    }

    private JsonNode runTheRules() {
        ApiResponse run = api.post("/retention/runs", lead, Map.of());
        assertThat(run.status()).as(run.text()).isEqualTo(200);
        assertThat(run.json().get("ranHere").asBoolean()).isTrue();
        return run.json();
    }

    private List<JsonNode> twoRunsAtOnce() {
        java.util.concurrent.ExecutorService both = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            List<java.util.concurrent.Future<ApiResponse>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(both.submit(() -> {
                    start.await(10, java.util.concurrent.TimeUnit.SECONDS);
                    return api.post("/retention/runs", lead, Map.of());
                }));
            }
            List<JsonNode> answers = new ArrayList<>();
            for (var run : runs) {
                ApiResponse answer = run.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(answer.status()).as(answer.text()).isEqualTo(200);
                answers.add(answer.json());
            }
            return answers;
        } catch (Exception e) {
            throw new AssertionError("the two runs did not finish", e);
        } finally {
            both.shutdownNow();
        }
    }

    private boolean archived(String personId) {
        return database.count("SELECT count(*) FROM person WHERE id = ?::uuid AND archived_at IS NOT NULL", personId) == 1;
    }

    private List<String> listedOnTheRegister(String query) {
        ApiResponse listed = api.get("/register?limit=100" + query, lead);
        assertThat(listed.status()).as(listed.text()).isEqualTo(200);
        return listed.json().get("items").findValuesAsText("personId");
    }

    @Test
    void aDeclinedReferralsPersonIsArchivedAfterSixMonthsAndErasedAfterSixYears() {
        Declined declined = referredAndDeclined();
        String personId = declined.personId();
        Declined comesBack = referredAndDeclined();
        String inHand = journeys.refer(referrer, ReferralRequests.aReferralOfSomeoneNew()).get("personId").asText();
        List<UUID> linked = new ArrayList<>();
        database.column("SELECT id::text FROM referral WHERE person_id = ?::uuid UNION ALL"
                + " SELECT id::text FROM register_entry WHERE person_id = ?::uuid", personId, personId)
                .forEach(id -> linked.add(UUID.fromString(id)));
        assertThat(linked).isNotEmpty();

        runTheRules();
        assertThat(archived(personId)).as("not yet six months").isFalse();
        assertThat(listedOnTheRegister("&status=NOT_ACCEPTED")).contains(personId);

        // ---- six months and a day on: archived ----------------------------------------------------------------
        clock.advance(Period.ofMonths(6).plusDays(1));
        // Two replicas (or a lead and the schedule) at once: whichever holds the job does it, each record once.
        List<JsonNode> together = twoRunsAtOnce();
        assertThat(together.stream().mapToInt(run -> run.get("archived").asInt()).sum())
                .as("both declined people archived, once").isEqualTo(2);
        assertThat(archived(personId)).isTrue();
        assertThat(archived(inHand)).as("a referral in hand").isFalse();
        assertThat(runTheRules().get("archived").asInt()).as("archived once").isZero();

        assertThat(listedOnTheRegister("")).doesNotContain(personId);
        assertThat(listedOnTheRegister("&status=NOT_ACCEPTED")).doesNotContain(personId);
        assertThat(listedOnTheRegister("")).contains(inHand);
        ApiResponse worklist = api.get("/worklists/referral-outcomes-untold?limit=100", lead);
        assertThat(worklist.status()).as(worklist.text()).isEqualTo(200);
        assertThat(worklist.text()).doesNotContain(personId);

        ApiResponse noPurpose = api.get("/people/" + personId, lead);
        assertProblemNaming(noPurpose, "X-DSR-Purpose");
        ApiResponse referralNoPurpose = api.get("/referrals/" + declined.referralId(), lead);
        assertProblemNaming(referralNoPurpose, "X-DSR-Purpose");
        ApiResponse read = api.get("/people/" + personId, lead, Map.of("X-DSR-Purpose", "DATA_QUALITY"));
        assertThat(read.status()).as(read.text()).isEqualTo(200);
        assertThat(database.count("SELECT count(*) FROM dsr_kit.audit_entry WHERE person_id = ?::uuid"
                + " AND action = 'READ' AND what = 'record' AND purpose = 'DATA_QUALITY' AND outcome = 'ALLOWED'",
                personId)).as("the read is audited with its purpose").isOne();
        assertThat(database.count("SELECT count(*) FROM dsr_kit.audit_entry WHERE person_id = ?::uuid"
                + " AND outcome = 'REFUSED' AND what = 'record'", personId)).as("so is the refusal").isOne();
        assertThat(database.count("SELECT count(*) FROM dsr_kit.audit_entry WHERE person_id = ?::uuid"
                + " AND action = 'ARCHIVED' AND purpose = 'RETENTION'", personId)).isOne();

        // Someone who comes back (a new referral) is out of the archive at once, before any run.
        assertThat(archived(comesBack.personId())).isTrue();
        JsonNode again = journeys.refer(referrer, comesBack.request());
        assertThat(again.get("personId").asText()).isEqualTo(comesBack.personId());
        assertThat(archived(comesBack.personId())).isFalse();
        assertThat(listedOnTheRegister("")).contains(comesBack.personId());

        // ---- six years on: erased --------------------------------------------------------------------------------
        clock.advance(Period.ofYears(6).minusMonths(6));
        JsonNode erasing = runTheRules();
        assertThat(erasing.get("erased").asInt()).isGreaterThanOrEqualTo(1);

        assertThat(PersonalDataLeft.tablesHolding(databaseUrl, databaseUser, databasePassword,
                UUID.fromString(personId), linked)).as("tables still holding a row about the person").isEmpty();
        assertThat(database.count("SELECT count(*) FROM person WHERE id = ?::uuid", inHand)).as("in hand: kept").isOne();
        assertThat(database.count("SELECT count(*) FROM person WHERE id = ?::uuid", comesBack.personId())).isOne();
        assertThat(database.count("SELECT count(*) FROM person_erasure WHERE person_id = ?::uuid"
                + " AND grounds = 'RETENTION_PERIOD_ENDED' AND request_ground IS NULL", personId)).isOne();
        assertThat(database.count("SELECT count(*) FROM dsr_kit.audit_entry WHERE person_id = ?::uuid", personId))
                .as("the access audit is kept for its own period").isGreaterThan(3);

        JsonNode erased = events.awaitEvent(EventTypes.PERSON_ERASED_V1, personId);
        assertThat(erased.get("grounds").asText()).isEqualTo("RETENTION_PERIOD_ENDED");
        assertThat(runTheRules().get("erased").asInt()).as("erased once").isZero();
        assertThat(database.outboxEvents(EventTypes.PERSON_ERASED_V1, personId)).isOne();

        ApiResponse gone = api.get("/people/" + personId, lead, Map.of("X-DSR-Purpose", "DATA_QUALITY"));
        assertThat(gone.status()).as(gone.text()).isEqualTo(404);

        // ---- each service confirms: the erasure is complete ----------------------------------------------------------
        JsonNode waiting = erasureOf(personId);
        assertThat(waiting.get("complete").asBoolean()).isFalse();
        assertThat(waiting.get("waitingFor").toString()).contains("consent-service", "risk-service", "meeting-service",
                "reporting-service");
        confirm(EventTypes.CONSENT_ERASURE_CONFIRMED_V1, "consent-service", personId, 3);
        confirm(EventTypes.RISK_ERASURE_CONFIRMED_V1, "risk-service", personId, 0);
        confirm(EventTypes.MEETING_ERASURE_CONFIRMED_V1, "meeting-service", personId, 2);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> erasureOf(personId).get("confirmations").size() == 3);
        assertThat(erasureOf(personId).get("complete").asBoolean()).isFalse();
        String last = confirm(EventTypes.REPORTING_ERASURE_CONFIRMED_V1, "reporting-service", personId, 1);
        database.awaitHandled("referral-service.erasure-confirmations", last);
        JsonNode complete = erasureOf(personId);
        assertThat(complete.get("complete").asBoolean()).isTrue();
        assertThat(complete.get("waitingFor").isArray()).isTrue();
        assertThat(complete.get("waitingFor").size()).isZero();
        assertThat(complete.get("confirmations").toString()).contains("\"recordsErased\":3");
    }

    private JsonNode erasureOf(String personId) {
        ApiResponse page = api.get("/erasures?limit=200", lead);
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        for (JsonNode erasure : page.json().get("erasures")) {
            if (erasure.get("personId").asText().equals(personId)) {
                return erasure;
            }
        }
        throw new AssertionError("no erasure of " + personId + " in " + page.text());
    }

    /** A service's confirmation on its own topic, keyed by the personId; its event id. */
    private String confirm(String type, String service, String personId, long records) {
        var event = EventsOnTopics.goldenSample(type, data -> {
            data.put("personId", personId);
            data.put("service", service);
            data.put("recordsErased", records);
        });
        event.put("subject", personId);
        events.send(EventCatalogue.of(type).topic(), personId, EventsOnTopics.bytes(event));
        return event.get("id").asText();
    }
}
