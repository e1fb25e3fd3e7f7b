package org.opendsr.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opendsr.contracts.EventCatalogue;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.TopicReader;

/**
 * The admission-risk rating through the gateway and the started services (issue 12): a young adult referred and
 * accepted onto the register is assessed with the default rating tool (the four key questions answered yes suggest
 * RED) and the DSR team rates RED beside the assessment, with a rationale; referral-service, following the rating
 * event, suggests a keyworker referral because they are under 25. An agency's admission report makes them BLUE with a
 * post-admission C(E)TR and commissioner oversight visits due; its discharge report makes them RED, which cannot be
 * lowered for 14 days (a refusal that names the day). Fifteen days on (risk-service's test clock) the DSR team lowers
 * the rating to AMBER with a rationale, nothing already obliged is closed by it, the update missed since the rating
 * began is on the overdue-updates worklist after a sweep, and posting one clears it.
 *
 * <p>Ratings are about the risk of admission to a mental health hospital only. The person lives in Swindon (the
 * default tool's area: Wiltshire has a tool of its own), is referred by "professional" (so in their care team) and is
 * managed by the Swindon DSR team ("dsr-team"). Free text (the rationale, the update) must reach neither an event nor
 * a log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(DsrJourney.class)
class RatingJourneyTest {

    private static final String AREA = "SWINDON";
    private static final String DEFAULT_TOOL = "dsr-12-question";
    /** The demo agency (dsr.referral.agencies), writing on its own topic. */
    private static final String AGENCY = "wiltshire-council";
    private static final ZoneId ENGLAND = ThroughTheGateway.ENGLAND;

    // The person's details: a name, NHS number (999 66x xxxx: no other journey's) and date of birth of their own, so
    // that finding any of them in a log can only mean this journey leaked it. 22 years old: an adult under 25.
    private static final String GIVEN_NAME = "Tamsyn";
    private static final String FAMILY_NAME = "Ratingjourney";
    private static final String NHS_NUMBER = ThroughTheGateway.testNhsNumber("999660001");
    private static final LocalDate BORN = LocalDate.of(2004, 5, 17);

    // Free text that must stay in risk-service.
    private static final String RED_RATIONALE = "Placement notice served; crisis team called twice this week";
    private static final String AMBER_RATIONALE = "Settled at home since discharge with a new support provider";
    private static final String UPDATE_TEXT = "Fortnightly check-in held; new provider's plan working well";

    private StartedDsr system;
    private ApiClient gateway;
    private String professional;
    private String dsrTeam;
    private String dsrLead;
    private KafkaProducer<String, byte[]> agencySystem;

    private String personId;
    private LocalDate admittedOn;
    private LocalDate dischargedOn;

    @BeforeAll
    void theStartedSystem(StartedDsr system) {
        this.system = system;
        this.gateway = system.gateway;
        this.professional = system.tokenFor("professional");
        this.dsrTeam = system.tokenFor("dsr-team");
        this.dsrLead = system.tokenFor("dsr-lead");
        this.agencySystem = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.dsr.kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    void closeTheAgencySystem() {
        if (agencySystem != null) {
            agencySystem.close();
        }
    }

    @Test
    @Order(1)
    void anUnder25OnTheRegisterIsAssessedWithTheDefaultToolAndTheDsrTeamRatesRedBesideIt() {
        personId = acceptedOntoTheRegister();

        // The referrer's indicative rating, until the DSR team or a meeting confirms or changes it.
        JsonNode rating = awaitRating(view -> !view.path("current").isMissingNode()
                && !view.path("current").isNull());
        assertThat(rating.get("onRegister").asBoolean()).isTrue();
        assertThat(rating.at("/current/rating").asText()).isEqualTo("AMBER");
        assertThat(rating.at("/current/indicative").asBoolean()).isTrue();
        // The referrer's place in the care team reaches risk-service from referral-service's care-team event.
        await().atMost(Duration.ofSeconds(60)).until(
                () -> gateway.get("/api/ratings/people/" + personId, professional).status() == 200);

        // Swindon has no tool of its own: the person is assessed with the default tool.
        ApiResponse tool = gateway.get("/api/ratings/people/" + personId + "/tool", professional);
        assertThat(tool.status()).as(tool.text()).isEqualTo(200);
        assertThat(tool.json().at("/definition/toolId").asText()).isEqualTo(DEFAULT_TOOL);
        int version = tool.json().at("/definition/version").asInt();

        ApiResponse assessed = gateway.post("/api/ratings/people/" + personId + "/assessments", professional,
                Map.of("toolId", DEFAULT_TOOL, "version", version,
                        "answers", keyQuestionsYesOthersLeast(tool.json().get("definition"))));
        assertThat(assessed.status()).as(assessed.text()).isEqualTo(201);
        assertThat(assessed.json().get("keyQuestionsAllYes").asBoolean()).isTrue();
        assertThat(assessed.json().get("suggestedRating").asText()).isEqualTo("RED");
        String assessmentId = assessed.json().get("assessmentId").asText();

        // A tool suggests; a professional decides: assessing changed nothing.
        assertThat(rating().at("/current/rating").asText()).isEqualTo("AMBER");

        ApiResponse rated = rate(dsrTeam, Map.of("rating", "RED", "rationale", RED_RATIONALE,
                "discussedWithPersonAndFamily", true, "assessmentId", assessmentId));
        assertThat(rated.status()).as(rated.text()).isEqualTo(201);
        assertThat(rated.json().at("/toolSuggestion/suggestedRating").asText()).isEqualTo("RED");
        assertThat(rated.json().at("/toolSuggestion/toolId").asText()).isEqualTo(DEFAULT_TOOL);

        JsonNode confirmed = rating();
        assertThat(confirmed.at("/current/rating").asText()).isEqualTo("RED");
        assertThat(confirmed.at("/current/indicative").asBoolean()).isFalse();
        JsonNode latest = confirmed.get("history").get(0);
        assertThat(latest.get("rating").asText()).isEqualTo("RED");
        assertThat(latest.get("previousRating").asText()).isEqualTo("AMBER");
        assertThat(latest.get("rationale").asText()).isEqualTo(RED_RATIONALE);
        assertThat(latest.get("discussedWithPersonAndFamily").asBoolean()).isTrue();
        assertThat(latest.at("/toolSuggestion/assessmentId").asText()).isEqualTo(assessmentId);

        assertThat(worklist("/api/ratings/worklists/red?area=" + AREA, dsrTeam, "people")).contains(personId);
        // RED obliges a community C(E)TR (14 days by default: the policy says "before any admission", no number).
        JsonNode communityCtr = awaitObligation("COMMUNITY_CTR", "DUE");
        assertThat(LocalDate.parse(communityCtr.get("dueOn").asText()))
                .isEqualTo(LocalDate.parse(latest.get("ratedOn").asText()).plusDays(14));
        awaitObligation("KEYWORKER_REFERRAL", "DUE");
    }

    @Test
    @Order(2)
    void theRatingIsPublishedWithoutItsRationaleAndReferralServiceSuggestsAKeyworkerReferral() {
        try (TopicReader riskEvents = TopicReader.fromBeginning(system.dsr.kafkaBootstrapServers(), Topics.RISK_EVENTS);
             TopicReader referralEvents = TopicReader.fromBeginning(system.dsr.kafkaBootstrapServers(),
                     Topics.REFERRAL_EVENTS)) {
            ConsumerRecord<String, String> red = riskEvents.awaitRecord(event(EventTypes.RISK_RATING_CHANGED_V1,
                    data -> "RED".equals(data.path("rating").asText())));
            assertValid(red, EventTypes.RISK_RATING_CHANGED_V1);
            assertThat(red.value()).doesNotContain(RED_RATIONALE);

            // risk-service's rating event is what referral-service follows: RED, AMBER or BLUE under 25.
            ConsumerRecord<String, String> suggestion = referralEvents.awaitRecord(event(
                    EventTypes.PERSON_KEYWORKER_REFERRAL_SUGGESTED_V1,
                    data -> "RATED_RED_AMBER_OR_BLUE".equals(data.path("reason").asText())));
            assertValid(suggestion, EventTypes.PERSON_KEYWORKER_REFERRAL_SUGGESTED_V1);
            assertThat(ThroughTheGateway.json(suggestion.value()).at("/data/ageBand").asText()).isEqualTo("AGE_18_TO_24");
        }
    }

    @Test
    @Order(3)
    void anAgencyAdmissionReportMakesThemBlueWithThePostAdmissionReviewAndOversightVisitsDue() {
        // The agency is linked to the person: the Swindon team records it as providing their care.
        ApiResponse provider = gateway.post("/api/people/" + personId + "/care-team/providing-agencies", dsrTeam,
                Map.of("agencyId", AGENCY));
        assertThat(provider.status()).as(provider.text()).isBetween(200, 201);

        admittedOn = riskServiceToday();
        publishAgencyEvent(EventTypes.AGENCY_ADMISSION_REPORTED_V2, data -> data.put("admittedOn",
                admittedOn.toString()));

        JsonNode blue = awaitRating(view -> "BLUE".equals(view.at("/current/rating").asText()));
        assertThat(blue.at("/admission/inpatient").asBoolean()).isTrue();
        assertThat(blue.at("/admission/admittedOn").asText()).isEqualTo(admittedOn.toString());
        JsonNode admission = blue.get("history").get(0);
        assertThat(admission.get("cause").asText()).isEqualTo("ADMISSION");
        assertThat(admission.get("decidedAs").asText()).isEqualTo("SYSTEM");
        assertThat(worklist("/api/ratings/worklists/blue?area=" + AREA, dsrTeam, "people")).contains(personId);

        // An adult: post-admission C(E)TR within 28 days, commissioner oversight visits every 8 weeks.
        JsonNode postAdmission = awaitObligation("POST_ADMISSION_CTR", "DUE");
        assertThat(postAdmission.get("dueOn").asText()).isEqualTo(admittedOn.plusDays(28).toString());
        JsonNode visit = awaitObligation("COMMISSIONER_OVERSIGHT_VISIT", "DUE");
        assertThat(visit.get("dueOn").asText()).isEqualTo(admittedOn.plusWeeks(8).toString());
        assertThat(worklist("/api/ratings/worklists/obligations?kind=POST_ADMISSION_CTR&area=" + AREA, dsrTeam,
                "entries")).contains(personId);
    }

    @Test
    @Order(4)
    void aDischargeReportMakesThemRedAndRedCannotBeLoweredForFourteenDays() {
        dischargedOn = riskServiceToday();
        publishAgencyEvent(EventTypes.AGENCY_DISCHARGE_REPORTED_V2, data -> data.put("dischargedOn",
                dischargedOn.toString()));

        JsonNode red = awaitRating(view -> "RED".equals(view.at("/current/rating").asText())
                && !view.at("/admission/inpatient").asBoolean());
        assertThat(red.get("history").get(0).get("cause").asText()).isEqualTo("DISCHARGE");
        LocalDate canLowerFrom = dischargedOn.plusDays(14);
        assertThat(red.at("/admission/noLoweringBefore").asText()).isEqualTo(canLowerFrom.toString());

        ApiResponse refused = rate(dsrTeam, Map.of("rating", "AMBER", "rationale", AMBER_RATIONALE,
                "discussedWithPersonAndFamily", true));
        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:dsr:problem:discharge-floor");
        assertThat(refused.json().get("detail").asText()).contains(canLowerFrom.toString());
        assertThat(rating().at("/current/rating").asText()).isEqualTo("RED");
    }

    @Test
    @Order(5)
    void fifteenDaysLaterTheRatingIsLoweredWithARationaleAndNothingAlreadyObligedCloses() {
        // Only risk-service's clock moves: the discharge floor, the updates box and the obligations are its own, and
        // the other services' time belongs to the journeys that run beside this one (consent's counts real days).
        system.advanceClockTo("risk-service", dischargedOn.plusDays(15));
        assertThat(riskServiceToday()).isEqualTo(dischargedOn.plusDays(15));

        Set<String> openBefore = openObligations();

        ApiResponse noRationale = rate(dsrTeam, Map.of("rating", "AMBER", "discussedWithPersonAndFamily", true));
        assertThat(noRationale.status()).as(noRationale.text()).isEqualTo(400);
        assertThat(noRationale.text()).contains("rationale");

        ApiResponse lowered = rate(dsrTeam, Map.of("rating", "AMBER", "rationale", AMBER_RATIONALE,
                "discussedWithPersonAndFamily", true));
        assertThat(lowered.status()).as(lowered.text()).isEqualTo(201);
        JsonNode amber = rating();
        assertThat(amber.at("/current/rating").asText()).isEqualTo("AMBER");
        assertThat(amber.get("history").get(0).get("rationale").asText()).isEqualTo(AMBER_RATIONALE);
        assertThat(amber.get("history").get(0).get("previousRating").asText()).isEqualTo("RED");

        // Support never reduces because a rating goes down: what was open stays open.
        assertThat(openObligations()).containsAll(openBefore);
        awaitObligation("MULTI_AGENCY_REVIEW", "DUE");
    }

    @Test
    @Order(6)
    void anUpdateNotPostedForFourteenDaysIsOverdueUntilOneIsPosted() {
        // Nobody has posted an update since the person was rated (15+ days ago): the sweep finds it overdue.
        ApiResponse swept = gateway.post("/api/ratings/sweeps", dsrLead, Map.of());
        assertThat(swept.status()).as(swept.text()).isBetween(200, 204);
        assertThat(worklist("/api/ratings/worklists/overdue-updates?area=" + AREA, dsrTeam, "entries"))
                .contains(personId);
        assertThat(worklist("/api/ratings/worklists/overdue-updates", professional, "entries")).contains(personId);

        try (TopicReader riskEvents = TopicReader.fromBeginning(system.dsr.kafkaBootstrapServers(), Topics.RISK_EVENTS)) {
            assertValid(riskEvents.awaitRecord(event(EventTypes.RISK_UPDATE_OVERDUE_V1, data -> true)),
                    EventTypes.RISK_UPDATE_OVERDUE_V1);

            ApiResponse posted = gateway.post("/api/ratings/people/" + personId + "/updates", professional,
                    Map.of("text", UPDATE_TEXT));
            assertThat(posted.status()).as(posted.text()).isEqualTo(201);
            // AMBER: the next update is due in 14 days.
            assertThat(posted.json().get("nextDueOn").asText()).isEqualTo(riskServiceToday().plusDays(14).toString());

            ConsumerRecord<String, String> announced = riskEvents.awaitRecord(event(EventTypes.RISK_UPDATE_POSTED_V1,
                    data -> true));
            assertValid(announced, EventTypes.RISK_UPDATE_POSTED_V1);
            assertThat(announced.value()).doesNotContain(UPDATE_TEXT);
        }

        assertThat(worklist("/api/ratings/worklists/overdue-updates?area=" + AREA, dsrTeam, "entries"))
                .doesNotContain(personId);
        ApiResponse box = gateway.get("/api/ratings/people/" + personId + "/updates", dsrTeam);
        assertThat(box.status()).as(box.text()).isEqualTo(200);
        assertThat(box.json().get("updates").get(0).get("text").asText()).isEqualTo(UPDATE_TEXT);
        assertThat(box.json().at("/schedule/overdueSince").isMissingNode()
                || box.json().at("/schedule/overdueSince").isNull()).isTrue();
    }

    @Test
    @Order(7)
    void noPersonalDataOrFreeTextReachedAnyLog() throws IOException {
        try (var logs = Files.list(system.dsr.logDirectory())) {
            for (var log : logs.toList()) {
                String text = Files.readString(log);
                assertThat(text).as("%s", log.getFileName()).doesNotContain(RED_RATIONALE, AMBER_RATIONALE,
                        UPDATE_TEXT, GIVEN_NAME, FAMILY_NAME, NHS_NUMBER, BORN.toString());
            }
        }
    }

    // ---- steps ---------------------------------------------------------------------------------------------------

    /** Referred by "professional", contacted by the Swindon team, consent recorded, accepted: as the DSR does it. */
    private String acceptedOntoTheRegister() {
        return ThroughTheGateway.acceptedOntoTheRegister(gateway, professional, dsrTeam, Map.of(
                "givenName", GIVEN_NAME, "familyName", FAMILY_NAME, "dateOfBirth", BORN.toString(),
                "nhsNumber", NHS_NUMBER, "postcode", "SN2 2DL", "locality", AREA,
                "reasonForReferral", "Placement at risk of breaking down",
                "currentIssues", "Increasing distress; two A&E attendances",
                "indicativeRag", "AMBER", "diagnosis", "LEARNING_DISABILITY_AND_AUTISM"));
    }

    /** For each question of the tool: the key answer to a key question, the lowest-scoring option otherwise. */
    private static Map<String, String> keyQuestionsYesOthersLeast(JsonNode definition) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (JsonNode question : definition.get("questions")) {
            JsonNode chosen = null;
            for (JsonNode option : question.get("options")) {
                if (question.get("key").asBoolean()) {
                    if (option.path("keyAnswer").asBoolean()) {
                        chosen = option;
                    }
                } else if (chosen == null || option.get("score").asInt() < chosen.get("score").asInt()) {
                    chosen = option;
                }
            }
            assertThat(chosen).as("an answer to " + question.get("id").asText()).isNotNull();
            answers.put(question.get("id").asText(), chosen.get("id").asText());
        }
        return answers;
    }

    private ApiResponse rate(String token, Map<String, Object> decision) {
        return gateway.post("/api/ratings/people/" + personId, token, decision);
    }

    private JsonNode rating() {
        ApiResponse view = gateway.get("/api/ratings/people/" + personId, dsrTeam);
        assertThat(view.status()).as(view.text()).isEqualTo(200);
        return view.json();
    }

    /** risk-service follows referral-service's events: what it knows of the person arrives a moment later. */
    private JsonNode awaitRating(Predicate<JsonNode> condition) {
        JsonNode[] seen = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            ApiResponse view = gateway.get("/api/ratings/people/" + personId, dsrTeam);
            seen[0] = view.json();
            return view.status() == 200 && condition.test(view.json());
        });
        return seen[0];
    }

    private JsonNode obligations() {
        ApiResponse list = gateway.get("/api/ratings/people/" + personId + "/obligations", dsrTeam);
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        return list.json().get("obligations");
    }

    /** The person's obligation of a kind in a status (obligations follow the rating in its transaction). */
    private JsonNode awaitObligation(String kind, String status) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            found[0] = null;
            for (JsonNode obligation : obligations()) {
                if (kind.equals(obligation.get("kind").asText()) && status.equals(obligation.get("status").asText())) {
                    found[0] = obligation;
                }
            }
            assertThat(found[0]).as(kind + " " + status + " in " + obligations()).isNotNull();
        });
        return found[0];
    }

    private Set<String> openObligations() {
        Set<String> open = new TreeSet<>();
        for (JsonNode obligation : obligations()) {
            if (Set.of("DUE", "BOOKED", "OVERDUE").contains(obligation.get("status").asText())) {
                open.add(obligation.get("obligationId").asText());
            }
        }
        return open;
    }

    /** Every personId on a keyset-paged worklist, all pages (other journeys' people share the area). */
    private List<String> worklist(String path, String token, String itemsField) {
        List<String> people = new ArrayList<>();
        String after = null;
        do {
            String page = path + (path.contains("?") ? "&" : "?") + "limit=200"
                    + (after == null ? "" : "&after=" + after);
            ApiResponse answer = gateway.get(page, token);
            assertThat(answer.status()).as(page + ": " + answer.text()).isEqualTo(200);
            for (JsonNode item : answer.json().get(itemsField)) {
                people.add(item.get("personId").asText());
            }
            after = answer.json().path("next").isTextual() ? answer.json().get("next").asText() : null;
        } while (after != null);
        return people;
    }

    /** The day in England on risk-service's (movable) clock. */
    private LocalDate riskServiceToday() {
        ApiResponse now = new ApiClient(system.dsr.serviceUrl("risk-service")).get("/testing/clock", null);
        assertThat(now.status()).as(now.text()).isEqualTo(200);
        return LocalDate.ofInstant(Instant.parse(now.json().get("now").asText()), ENGLAND);
    }

    /**
     * The demo agency's report on its own topic, from the contract's golden sample, about this person (matched by
     * NHS number and date of birth), keyed by the NHS number as the AsyncAPI document asks.
     */
    private void publishAgencyEvent(String type, java.util.function.Consumer<ObjectNode> data) {
        ObjectNode event = goldenSample(type);
        ObjectNode payload = (ObjectNode) event.get("data");
        payload.put("nhsNumber", NHS_NUMBER).put("dateOfBirth", BORN.toString());
        data.accept(payload);
        try {
            agencySystem.send(new ProducerRecord<>(Topics.agencyInbound(AGENCY), NHS_NUMBER,
                    event.toString().getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not publish the agency's " + type, e);
        }
    }

    private static ObjectNode goldenSample(String type) {
        String resource = EventCatalogue.of(type).sampleResource();
        try (InputStream in = RatingJourneyTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            ObjectNode event = (ObjectNode) ApiClient.JSON.readTree(in);
            event.put("id", UUID.randomUUID().toString());
            event.put("time", Instant.now().toString());
            event.put("source", "/agency/" + AGENCY);
            return event;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Predicate<ConsumerRecord<String, String>> event(String type, Predicate<JsonNode> data) {
        return record -> personId.equals(record.key()) && record.value().contains("\"type\":\"" + type + "\"")
                && data.test(ThroughTheGateway.json(record.value()).get("data"));
    }

    private static void assertValid(ConsumerRecord<String, String> record, String type) {
        assertThat(ThroughTheGateway.assertValid(record).get("type").asText()).isEqualTo(type);
        assertThat(record.value()).doesNotContain(GIVEN_NAME, FAMILY_NAME, NHS_NUMBER, BORN.toString());
    }

}
