package org.opendsr.risk.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.access.CareTeamRole;
import org.opendsr.contracts.common.AgeBand;
import org.opendsr.contracts.common.LifeStage;
import org.opendsr.contracts.common.RagRating;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.opendsr.contracts.Topics;
import org.opendsr.kit.messaging.DeadLetters;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.TopicReader;
import org.opendsr.testkit.events.PublishedEvents;
import org.opendsr.testkit.events.ReferralEvents;
import org.opendsr.risk.support.RiskApi;
import org.opendsr.risk.support.RiskServiceUnderTest;

/** Ratings through risk-service's API, on real PostgreSQL and Kafka, as the gateway calls it. */
@MicronautTest(transactional = false)
class RatingApiTest extends RiskServiceUnderTest {

    private PublishedEvents published;

    @BeforeAll
    void readTheRiskTopic() {
        published = new PublishedEvents(org.opendsr.contracts.Topics.RISK_EVENTS);
    }

    @AfterAll
    void stopReading() {
        published.close();
    }

    @Test
    void aPersonAcceptedStartsWithTheReferrersIndicativeRatingAndTheDsrTeamConfirmsIt() {
        UUID personId = referrals.onRegister(RagRating.AMBER);

        JsonNode rating = api.awaitRating(personId, "AMBER");
        assertThat(rating.at("/current/indicative").asBoolean()).isTrue();
        assertThat(published.first(personId, EventTypes.RISK_RATING_CHANGED_V1).data().get("indicative").asBoolean())
                .isTrue();

        ApiResponse confirmed = api.rate(personId, api.dsrTeam, RiskApi.decision("AMBER"));

        assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(201);
        JsonNode after = api.ratingOf(personId);
        assertThat(after.at("/current/indicative").asBoolean()).isFalse();
        assertThat(after.get("history")).hasSize(2);
        assertThat(after.at("/history/0/decidedBy").asText()).isEqualTo("dsr-team-1");
        assertThat(after.at("/history/0/rationale").asText()).isEqualTo("Discussed at the tracking meeting");
        assertThat(after.at("/history/1/cause").asText()).isEqualTo("INDICATIVE_AT_ACCEPTANCE");
    }

    @Test
    void aProfessionalsRatingIsIndicativeAndPublishedWithoutItsRationale() {
        UUID personId = referrals.onRegister(RagRating.GREEN);
        api.awaitRating(personId, "GREEN");

        ApiResponse rated = api.rate(personId, api.professional, RiskApi.decision("RED"));

        assertThat(rated.status()).as(rated.text()).isEqualTo(201);
        assertThat(rated.json().get("indicative").asBoolean()).isTrue();
        PublishedEvents.Published event = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> published.allAbout(personId, Duration.ofMillis(200)).stream()
                        .filter(one -> EventTypes.RISK_RATING_CHANGED_V1.equals(one.type()))
                        .filter(one -> "RED".equals(one.data().get("rating").asText())).findFirst(),
                        java.util.Optional::isPresent).orElseThrow();
        assertThat(event.data().get("rating").asText()).isEqualTo("RED");
        assertThat(event.data().get("previousRating").asText()).isEqualTo("GREEN");
        assertThat(event.cloudEvent().toString()).doesNotContain("tracking meeting");
    }

    @Test
    void badDecisionsAreRefusedNamingTheFieldAndNothingIsWritten() {
        UUID personId = referrals.onRegister(RagRating.GREEN);
        api.awaitRating(personId, "GREEN");

        assertRefused(api.rate(personId, api.dsrTeam, Map.of("rating", "PURPLE", "rationale", "x",
                "discussedWithPersonAndFamily", true)), 400, "rating");
        assertRefused(api.rate(personId, api.dsrTeam, Map.of("rating", "RED", "discussedWithPersonAndFamily", true)),
                400, "rationale");
        assertRefused(api.rate(personId, api.dsrTeam, Map.of("rating", "RED", "rationale", "why")), 400,
                "discussedWithPersonAndFamily");
        Map<String, Object> withUnknownAssessment = new HashMap<>(RiskApi.decision("RED"));
        withUnknownAssessment.put("assessmentId", UUID.randomUUID().toString());
        assertRefused(api.rate(personId, api.dsrTeam, withUnknownAssessment), 400, "assessmentId");

        assertThat(api.ratingOf(personId).get("history")).hasSize(1);
    }

    @Test
    void onlyPeopleOnTheRegisterAreRated() {
        UUID personId = UUID.randomUUID();
        referrals.referred(personId, LifeStage.ADULT, AgeBand.AGE_25_TO_34, java.time.Instant.now(), RagRating.RED);
        api.awaitKnown(personId);

        ApiResponse refused = api.rate(personId, api.dsrTeam, RiskApi.decision("RED"));

        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:dsr:problem:not-on-register");
    }

    @Test
    void anAdmissionMakesThePersonBlueAndTheirDischargeRedNotLoweredFor14Days() {
        UUID personId = referrals.onRegister(RagRating.AMBER);
        api.awaitRating(personId, "AMBER");
        LocalDate today = api.today();

        referrals.admitted(personId, today);
        JsonNode blue = api.awaitRating(personId, "BLUE");
        assertThat(blue.at("/admission/inpatient").asBoolean()).isTrue();
        assertThat(blue.at("/history/0/decidedBy").asText()).isEqualTo("/agency/wiltshire-council");
        assertThat(api.http.get("/ratings/worklists/blue", api.dsrTeam).text()).contains(personId.toString());

        referrals.discharged(personId, today);
        JsonNode red = api.awaitRating(personId, "RED");
        assertThat(red.at("/admission/noLoweringBefore").asText()).isEqualTo(today.plusDays(14).toString());

        ApiResponse refused = api.rate(personId, api.dsrTeam, RiskApi.decision("AMBER"));
        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:dsr:problem:discharge-floor");
        assertThat(refused.json().get("detail").asText()).contains(today.plusDays(14).toString());
        assertThat(api.http.get("/ratings/worklists/red", api.dsrTeam).text()).contains(personId.toString());
    }

    @Test
    void needToKnow() {
        UUID personId = referrals.onRegister(RagRating.RED);
        api.awaitRating(personId, "RED");

        assertThat(api.http.get("/ratings/people/" + personId, api.professional).status()).isEqualTo(200);
        assertThat(api.http.get("/ratings/people/" + personId, api.dsrTeam).status()).isEqualTo(200);
        assertThat(api.http.get("/ratings/people/" + personId, api.anotherProfessional).status()).isEqualTo(404);
        assertThat(api.http.get("/ratings/people/" + personId, api.dsrTeamInWiltshire).status()).isEqualTo(404);
        assertThat(api.http.get("/ratings/people/" + personId, api.analyst).status()).isEqualTo(403);
        assertThat(api.http.get("/ratings/people/" + personId, api.admin).status()).isEqualTo(403);
        assertThat(api.http.get("/ratings/people/" + personId, api.agencySystem).status()).isEqualTo(403);
        assertThat(api.rate(personId, api.anotherProfessional, RiskApi.decision("GREEN")).status()).isEqualTo(404);
        assertThat(api.rate(personId, api.analyst, RiskApi.decision("GREEN")).status()).isEqualTo(403);
        assertThat(api.http.get("/ratings/worklists/red", api.analyst).status()).isEqualTo(403);
        assertThat(api.http.get("/ratings/worklists/red", api.anotherProfessional).text())
                .doesNotContain(personId.toString());
        assertThat(api.http.get("/ratings/worklists/red?area=WILTSHIRE", api.dsrTeam).text())
                .doesNotContain(personId.toString());
        assertThat(api.http.post("/ratings/sweeps", api.dsrTeam, "").status()).isEqualTo(403);

        referrals.careTeam(personId, ReferralEvents.AREA, referrals.member(ReferralEvents.REFERRER,
                CareTeamRole.REFERRER), referrals.breakGlass("professional-2"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                api.http.get("/ratings/people/" + personId, api.anotherProfessional).status() == 200);
        assertThat(api.rate(personId, api.anotherProfessional, RiskApi.decision("GREEN")).status()).isEqualTo(403);
    }

    @Test
    void everyReadAndChangeIsOnTheAuditTrail() {
        UUID personId = referrals.onRegister(RagRating.RED);
        api.awaitRating(personId, "RED");
        api.http.get("/ratings/people/" + personId, api.anotherProfessional);
        api.rate(personId, api.dsrTeam, RiskApi.decision("RED"));

        JsonNode audit = api.http.get("/ratings/people/" + personId + "/audit", api.dsrLead).json();
        String trail = audit.toString();
        assertThat(trail).contains("professional-2").contains("REFUSED").contains("dsr-team-1").contains("CHANGED");
    }

    @Test
    void aProfessionalCannotRecordAnAdmissionByRatingBlueNorConfirmWithAMeetingTheyName() {
        UUID personId = referrals.onRegister(RagRating.RED);
        api.awaitRating(personId, "RED");

        ApiResponse blue = api.rate(personId, api.professional, RiskApi.decision("BLUE"));
        assertThat(blue.status()).as(blue.text()).isEqualTo(403);
        assertThat(api.ratingOf(personId).at("/admission/inpatient").asBoolean()).isFalse();

        Map<String, Object> atAMeeting = new HashMap<>(RiskApi.decision("AMBER"));
        atAMeeting.put("meetingId", UUID.randomUUID().toString());
        ApiResponse named = api.rate(personId, api.professional, atAMeeting);
        assertThat(named.status()).as(named.text()).isEqualTo(201);
        assertThat(named.json().get("indicative").asBoolean()).isTrue();
    }

    @Test
    void noBodyIsRefusedNamingTheFirstMissingField() {
        UUID personId = referrals.onRegister(RagRating.RED);
        api.awaitRating(personId, "RED");

        assertRefused(api.http.post("/ratings/people/" + personId, api.dsrTeam, ""), 400, "rating");
        assertRefused(api.http.put("/ratings/people/" + personId + "/inpatient-setting", api.dsrTeam, ""), 400,
                "setting");
    }

    @Test
    void leavingTheRegisterClosesTheRatingOnTheAuditTrail() {
        UUID personId = referrals.onRegister(RagRating.AMBER);
        api.awaitRating(personId, "AMBER");

        referrals.removedFromRegister(personId, org.opendsr.contracts.referral.RemovalReason.CONSENT_WITHDRAWN);

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> !api.ratingOf(personId).get("onRegister").asBoolean());
        JsonNode after = api.ratingOf(personId);
        assertThat(after.has("current")).isFalse();
        assertThat(after.get("history")).hasSize(1);
        assertThat(api.rate(personId, api.dsrTeam, RiskApi.decision("RED")).status()).isEqualTo(409);
        assertThat(api.http.get("/ratings/people/" + personId + "/audit", api.dsrLead).text())
                .contains("CLOSED").contains("CONSENT_WITHDRAWN");
    }

    @Test
    void anAdmissionOfSomeoneNeverReferredGoesToTheDeadLetterTopicWithItsReason() {
        UUID stranger = UUID.randomUUID();

        referrals.admitted(stranger, api.today());

        try (TopicReader deadLetters = TopicReader.fromBeginning(Topics.REFERRAL_EVENTS + ".dlt")) {
            ConsumerRecord<String, String> deadLetter = deadLetters.awaitRecord(record ->
                    stranger.toString().equals(record.key())
                            && "risk-service".equals(TopicReader.header(record, DeadLetters.CONSUMER_GROUP)));
            assertThat(TopicReader.header(deadLetter, DeadLetters.REASON_CODE)).isEqualTo("REJECTED_BY_HANDLER");
            assertThat(TopicReader.header(deadLetter, DeadLetters.REASON)).contains("no person");
        }
        assertThat(api.http.get("/ratings/people/" + stranger, api.dsrLead).status()).isEqualTo(404);
    }

    @Test
    void anOldTurned18OfSomeoneNeverReferredIsSetAsideNotDeadLettered() {
        // The retired dsr.person.turned-18.v1 was also announced for people whose self or family referral was never
        // completed, whom nobody else knew: such a record still on the topic is no dead letter (a false alert).
        UUID stranger = UUID.randomUUID();
        referrals.turned18(stranger, java.time.Instant.now());
        // Referred afterwards, on the same partition: once known, the announcement before it has been dealt with.
        referrals.referred(stranger, LifeStage.ADULT, AgeBand.AGE_18_TO_24, java.time.Instant.now());
        api.awaitKnown(stranger);

        try (TopicReader deadLetters = TopicReader.fromBeginning(Topics.REFERRAL_EVENTS + ".dlt")) {
            assertThat(deadLetters.readFor(Duration.ofMillis(500), record -> stranger.toString().equals(record.key())
                    && "risk-service".equals(TopicReader.header(record, DeadLetters.CONSUMER_GROUP)))).isEmpty();
        }
    }

    @Test
    void aTurning18OfSomeoneNeverReferredIsSetAsideNotDeadLettered() {
        // Announcements before issue 15 were also made for people whose self or family referral was never completed.
        UUID stranger = UUID.randomUUID();
        referrals.turning18(stranger, java.time.YearMonth.now(clock).plusMonths(2));
        referrals.referred(stranger, LifeStage.ADULT, AgeBand.AGE_18_TO_24, java.time.Instant.now());
        api.awaitKnown(stranger);

        try (TopicReader deadLetters = TopicReader.fromBeginning(Topics.REFERRAL_EVENTS + ".dlt")) {
            assertThat(deadLetters.readFor(Duration.ofMillis(500), record -> stranger.toString().equals(record.key())
                    && "risk-service".equals(TopicReader.header(record, DeadLetters.CONSUMER_GROUP)))).isEmpty();
        }
    }

    private static void assertRefused(ApiResponse response, int status, String field) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.text()).contains(field);
    }
}
