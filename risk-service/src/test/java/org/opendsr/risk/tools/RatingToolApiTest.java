package org.opendsr.risk.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opendsr.contracts.access.CareTeamRole;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.kit.audit.AuditLog;
import org.opendsr.kit.audit.AuditPage;
import org.opendsr.testkit.events.ReferralEvents;
import org.opendsr.risk.support.RiskServiceUnderTest;
import org.opendsr.risk.tools.adapters.definitions.ShippedToolFiles;
import org.opendsr.risk.tools.application.PublishingTools.Loaded;
import org.opendsr.testkit.ApiClient.ApiResponse;

/**
 * The rating tools API on real PostgreSQL and Kafka: the shipped tools are there after start-up (once), a lead
 * publishes versions, a person is assessed with a tool that fits their area, and assessing never changes the rating.
 * Tools published here claim made-up areas, so that other tests keep the shipped ones.
 */
@MicronautTest(transactional = false)
class RatingToolApiTest extends RiskServiceUnderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEFAULT_TOOL = "dsr-12-question";
    private static final String WILTSHIRE_TOOL = "wiltshire-6-question";

    @Inject
    ShippedToolFiles shippedFiles;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    AuditLog auditLog;

    static ObjectNode shipped(String name) {
        try (InputStream in = RatingToolApiTest.class.getClassLoader()
                .getResourceAsStream("dsr/rating-tools/" + name)) {
            return (ObjectNode) JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A tool of this test's own: the Wiltshire definition under a new id, for a made-up area. */
    static ObjectNode ownTool(String toolId, int version) {
        ObjectNode definition = shipped("wiltshire-6-question.v1.json");
        definition.put("toolId", toolId);
        definition.put("version", version);
        definition.putArray("areas").add("TEST-" + toolId.toUpperCase());
        return definition;
    }

    static String uniqueToolId() {
        return "test-tool-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Every question of the default tool answered no, then these answers. */
    static Map<String, String> defaultToolAnswers(String... questionThenOption) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (JsonNode question : shipped("dsr-12-question.v1.json").get("questions")) {
            answers.put(question.get("id").asText(), "no");
        }
        for (int i = 0; i < questionThenOption.length; i += 2) {
            answers.put(questionThenOption[i], questionThenOption[i + 1]);
        }
        return answers;
    }

    static Map<String, Object> assessment(String toolId, int version, Map<String, String> answers) {
        Map<String, Object> body = new HashMap<>();
        body.put("toolId", toolId);
        body.put("version", version);
        body.put("answers", answers);
        return body;
    }

    private static void assertNamesField(ApiResponse response, int status, String field) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsText("field")).as(response.text()).contains(field);
    }

    private ApiResponse publish(Object definition, String token) {
        return api.http.post("/ratings/tools", token, definition);
    }

    @Nested
    class TheShippedTools {

        @Test
        void areThereAfterStartUpWithTheDefaultForEveryAreaAndWiltshiresOwn() {
            ApiResponse tools = api.http.get("/ratings/tools", api.professional);

            assertThat(tools.status()).as(tools.text()).isEqualTo(200);
            Map<String, JsonNode> byId = new HashMap<>();
            tools.json().forEach(tool -> byId.put(tool.get("toolId").asText(), tool));
            assertThat(byId.get(DEFAULT_TOOL).get("isDefault").asBoolean()).isTrue();
            assertThat(byId.get(DEFAULT_TOOL).get("areas")).isEmpty();
            assertThat(byId.get(WILTSHIRE_TOOL).get("areas").toString()).isEqualTo("[\"WILTSHIRE\"]");

            ApiResponse version = api.http.get("/ratings/tools/" + DEFAULT_TOOL + "/versions/1", api.dsrTeam);
            assertThat(version.status()).as(version.text()).isEqualTo(200);
            assertThat(version.json().get("publishedBy").asText()).isEqualTo("risk-service");
            JsonNode questions = version.json().get("definition").get("questions");
            assertThat(questions).hasSize(12);
            assertThat(questions.findValues("key").stream().filter(JsonNode::asBoolean)).hasSize(4);
        }

        @Test
        void areLoadedOnceHoweverOftenTheServiceStarts() {
            // What a re-start runs: every file is there already, so nothing is published twice.
            Map<Loaded, Integer> again = shippedFiles.load();

            assertThat(again).containsOnlyKeys(Loaded.ALREADY_PUBLISHED);
            assertThat(again.get(Loaded.ALREADY_PUBLISHED)).isGreaterThanOrEqualTo(2);
            assertThat(countOf("SELECT count(*) FROM rating_tool_version WHERE tool_id IN (?, ?)",
                    DEFAULT_TOOL, WILTSHIRE_TOOL)).isEqualTo(2);
            ApiResponse tool = api.http.get("/ratings/tools/" + DEFAULT_TOOL, api.dsrLead);
            assertThat(tool.json().get("versions")).hasSize(1);
        }

        @Test
        void aPublishedVersionCannotBeChangedEvenInTheDatabase() {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> transactions.executeWrite(status -> {
                try (PreparedStatement update = status.getConnection().prepareStatement(
                        "UPDATE rating_tool_version SET published_by = 'someone' WHERE tool_id = ?")) {
                    update.setString(1, DEFAULT_TOOL);
                    return update.executeUpdate();
                }
            })).hasStackTraceContaining("never changes");
            assertThat(api.http.get("/ratings/tools/" + DEFAULT_TOOL + "/versions/1", api.dsrLead)
                    .json().get("publishedBy").asText()).isEqualTo("risk-service");
        }

        @Test
        void theSchemaIsPublished() {
            ApiResponse schema = api.http.get("/ratings/tools/schema", api.professional);

            assertThat(schema.status()).as(schema.text()).isEqualTo(200);
            assertThat(schema.json().get("$schema").asText()).contains("2020-12");
        }

        @Test
        void areNotForAnalystsAdminsOrAgencySystems() {
            for (String token : List.of(api.analyst, api.admin, api.agencySystem)) {
                assertThat(api.http.get("/ratings/tools", token).status()).isEqualTo(403);
                assertThat(api.http.get("/ratings/tools/" + DEFAULT_TOOL, token).status()).isEqualTo(403);
            }
        }
    }

    @Nested
    class Publishing {

        @Test
        void aLeadPublishesANewToolAndANewVersion() {
            String toolId = uniqueToolId();

            ApiResponse first = publish(ownTool(toolId, 1), api.dsrLead);
            assertThat(first.status()).as(first.text()).isEqualTo(201);
            assertThat(first.header("Location")).isEqualTo("/ratings/tools/" + toolId + "/versions/1");
            assertThat(first.json().get("publishedBy").asText()).isEqualTo("dsr-lead-1");

            ObjectNode second = ownTool(toolId, 2);
            second.put("title", "Second version");
            assertThat(publish(second, api.dsrLead).status()).isEqualTo(201);

            JsonNode tool = api.http.get("/ratings/tools/" + toolId, api.professional).json();
            assertThat(tool.get("current").get("definition").get("version").asInt()).isEqualTo(2);
            assertThat(tool.get("versions").findValuesAsText("version")).containsExactly("2", "1");
            assertThat(api.http.get("/ratings/tools/" + toolId + "/versions/1", api.professional)
                    .json().get("definition").get("title").asText()).isEqualTo("Wiltshire 6-question rating tool");
        }

        @Test
        void aPublishedVersionIsNeverReplaced() {
            String toolId = uniqueToolId();
            assertThat(publish(ownTool(toolId, 1), api.dsrLead).status()).isEqualTo(201);

            ObjectNode again = ownTool(toolId, 1);
            again.put("title", "Changed");
            ApiResponse refused = publish(again, api.dsrLead);

            assertNamesField(refused, 409, "version");
            assertThat(refused.json().get("type").asText()).isEqualTo("urn:dsr:problem:tool-version-exists");
            assertThat(api.http.get("/ratings/tools/" + toolId + "/versions/1", api.dsrLead)
                    .json().get("definition").get("title").asText()).isNotEqualTo("Changed");
        }

        @Test
        void onlyALeadPublishes() {
            for (String token : List.of(api.professional, api.dsrTeam, api.analyst, api.admin, api.agencySystem)) {
                String toolId = uniqueToolId();
                assertThat(publish(ownTool(toolId, 1), token).status()).isEqualTo(403);
                assertThat(api.http.get("/ratings/tools/" + toolId, api.dsrLead).status()).isEqualTo(404);
            }
        }

        @Test
        void aBadDefinitionIsRefusedNamingTheField() {
            ObjectNode noOptions = ownTool(uniqueToolId(), 1);
            ((com.fasterxml.jackson.databind.node.ArrayNode) noOptions.get("questions").get(3).get("options"))
                    .removeAll();
            assertNamesField(publish(noOptions, api.dsrLead), 400, "questions[3].options");

            ObjectNode blue = ownTool(uniqueToolId(), 1);
            ((ObjectNode) blue.get("suggestionRules").get("thresholds").get(1)).put("rating", "BLUE");
            assertNamesField(publish(blue, api.dsrLead), 400, "suggestionRules.thresholds[1].rating");

            ObjectNode duplicate = ownTool(uniqueToolId(), 1);
            ((ObjectNode) duplicate.get("questions").get(2)).put("id", "behaviour");
            ((ObjectNode) duplicate.get("questions").get(3)).put("id", "behaviour");
            assertNamesField(publish(duplicate, api.dsrLead), 400, "questions[3].id");

            ApiResponse notJson = api.http.postRaw("/ratings/tools", api.dsrLead, "{\"toolId\":", Map.of());
            assertThat(notJson.status()).as(notJson.text()).isEqualTo(400);
        }

        @Test
        void aNulAnywhereInTheDefinitionIsRefusedNamingTheFieldAndNothingIsStored() {
            String nul = String.valueOf((char) 0);

            String inAQuestion = uniqueToolId();
            ObjectNode question = ownTool(inAQuestion, 1);
            ((ObjectNode) question.get("questions").get(2)).put("text", "Is the placement" + nul + " at risk?");
            assertNamesField(publish(question, api.dsrLead), 400, "questions[2].text");

            String inAnOption = uniqueToolId();
            ObjectNode option = ownTool(inAnOption, 1);
            ((ObjectNode) option.get("questions").get(0).get("options").get(1)).put("label", nul);
            assertNamesField(publish(option, api.dsrLead), 400, "questions[0].options[1].label");

            String inAName = uniqueToolId();
            ObjectNode name = ownTool(inAName, 1);
            name.put("note" + nul, "x");
            assertNamesField(publish(name, api.dsrLead), 400, "body");

            for (String toolId : List.of(inAQuestion, inAnOption, inAName)) {
                assertThat(api.http.get("/ratings/tools/" + toolId, api.dsrLead).status()).isEqualTo(404);
            }
        }

        @Test
        void aPublicationIsAuditedWithTheLeadTheVersionAndItsAreas() {
            String toolId = uniqueToolId();
            assertThat(publish(ownTool(toolId, 1), api.dsrLead).status()).isEqualTo(201);

            String audited = transactions.executeRead(status -> {
                try (PreparedStatement query = status.getConnection().prepareStatement(
                        "SELECT actor || ' ' || coalesce(person_id::text, 'no person') || ' ' || new_values::text "
                                + "FROM dsr_kit.audit_entry WHERE action = 'PUBLISHED' AND outcome = 'ALLOWED' "
                                + "AND what = ?")) {
                    query.setString(1, "rating tool " + toolId + " v1");
                    try (ResultSet result = query.executeQuery()) {
                        String found = result.next() ? result.getString(1) : null;
                        assertThat(result.next()).as("audited once").isFalse();
                        return found;
                    }
                }
            });
            assertThat(audited).isNotNull().startsWith("dsr-lead-1 no person ")
                    .contains("\"toolId\": \"" + toolId + "\"").contains("\"version\": 1")
                    .contains("\"areas\": [\"TEST-" + toolId.toUpperCase() + "\"]");
        }

        @Test
        void anAreaAlreadyUsingAToolIsNotTakenByAnother() {
            ObjectNode claimsWiltshire = ownTool(uniqueToolId(), 1);
            claimsWiltshire.putArray("areas").add("WILTSHIRE");

            ApiResponse refused = publish(claimsWiltshire, api.dsrLead);

            assertNamesField(refused, 409, "areas");
            assertThat(refused.json().get("type").asText()).isEqualTo("urn:dsr:problem:tool-area-claimed");
        }
    }

    @Nested
    class Assessing {

        private UUID onRegister() {
            UUID personId = referrals.onRegister(RagRating.AMBER);
            api.awaitOnRegister(personId);
            return personId;
        }

        private ApiResponse assess(UUID personId, String token, Map<String, Object> body) {
            return api.http.post("/ratings/people/" + personId + "/assessments", token, body);
        }

        @Test
        void theFourKeyQuestionsSuggestRedAndTheRatingStaysAsDecided() {
            UUID personId = onRegister();
            JsonNode before = api.ratingOf(personId).get("current");

            ApiResponse assessed = assess(personId, api.professional, assessment(DEFAULT_TOOL, 1, defaultToolAnswers(
                    "mental-health", "yes", "behaviour", "yes", "environment", "yes", "crisis-ae", "yes")));

            assertThat(assessed.status()).as(assessed.text()).isEqualTo(201);
            JsonNode body = assessed.json();
            assertThat(body.get("score").asInt()).isEqualTo(12);
            assertThat(body.get("keyQuestionsAllYes").asBoolean()).isTrue();
            assertThat(body.get("suggestedRating").asText()).isEqualTo("RED");
            assertThat(body.get("assessedBy").asText()).isEqualTo(ReferralEvents.REFERRER);
            // A tool suggests; a professional decides.
            assertThat(api.ratingOf(personId).get("current")).isEqualTo(before);

            ApiResponse listed = api.http.get("/ratings/people/" + personId + "/assessments", api.dsrTeam);
            assertThat(listed.status()).as(listed.text()).isEqualTo(200);
            assertThat(listed.json()).hasSize(1);
            assertThat(listed.json().get(0).get("assessmentId")).isEqualTo(body.get("assessmentId"));
            assertThat(listed.json().get(0).get("answers").get("crisis-ae").asText()).isEqualTo("yes");
        }

        @Test
        void answersThatDoNotFitTheToolVersionAreRefusedNamingTheQuestion() {
            UUID personId = onRegister();

            Map<String, String> missing = defaultToolAnswers();
            missing.remove("police");
            assertNamesField(assess(personId, api.professional, assessment(DEFAULT_TOOL, 1, missing)), 400,
                    "answers.police");
            assertNamesField(assess(personId, api.professional, assessment(DEFAULT_TOOL, 1,
                    defaultToolAnswers("crisis-ae", "perhaps"))), 400, "answers.crisis-ae");
            assertNamesField(assess(personId, api.professional, assessment(DEFAULT_TOOL, 1,
                    defaultToolAnswers("shoe-size", "no"))), 400, "answers.shoe-size");
            assertNamesField(assess(personId, api.professional, assessment("no-such-tool", 1, defaultToolAnswers())),
                    400, "toolId");
            assertNamesField(assess(personId, api.professional, assessment(DEFAULT_TOOL, 99, defaultToolAnswers())),
                    400, "version");

            assertThat(api.http.get("/ratings/people/" + personId + "/assessments", api.professional).json())
                    .isEmpty();
        }

        @Test
        void someoneNotOnTheRegisterIsNotAssessed() {
            UUID personId = referrals.referredAdult();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> api.http.get("/ratings/people/" + personId, api.dsrLead).status() == 200);

            ApiResponse refused = assess(personId, api.professional, assessment(DEFAULT_TOOL, 1, defaultToolAnswers()));

            assertThat(refused.status()).as(refused.text()).isEqualTo(409);
            assertThat(refused.json().get("type").asText()).isEqualTo("urn:dsr:problem:not-on-register");
        }

        @Test
        void onlyThoseWhoMayChangeThePersonsRatingAssess() {
            UUID personId = onRegister();
            Map<String, Object> body = assessment(DEFAULT_TOOL, 1, defaultToolAnswers());

            assertThat(assess(personId, api.anotherProfessional, body).status()).isEqualTo(404);
            assertThat(assess(personId, api.dsrTeamInWiltshire, body).status()).isEqualTo(404);
            for (String token : List.of(api.analyst, api.admin, api.agencySystem)) {
                assertThat(assess(personId, token, body).status()).isEqualTo(403);
            }
            assertThat(assess(personId, api.dsrTeam, body).status()).isEqualTo(201);
            assertThat(assess(personId, api.dsrLead, body).status()).isEqualTo(201);
            assertThat(api.http.get("/ratings/people/" + personId + "/assessments", api.anotherProfessional).status())
                    .isEqualTo(404);
        }

        @Test
        void theDecisionIsRecordedBesideTheSuggestionAndMayDifferWithAReason() {
            UUID personId = onRegister();
            String assessmentId = assess(personId, api.dsrTeam, assessment(DEFAULT_TOOL, 1, defaultToolAnswers(
                    "mental-health", "yes", "behaviour", "yes", "environment", "yes", "crisis-ae", "yes")))
                    .json().get("assessmentId").asText();

            Map<String, Object> amber = new HashMap<>(org.opendsr.risk.support.RiskApi.decision("AMBER"));
            amber.put("assessmentId", assessmentId);
            assertNamesField(api.rate(personId, api.dsrTeam, amber), 400, "reasonForDifferingFromTool");

            amber.put("reasonForDifferingFromTool", "Crisis plan in place since the A&E visit");
            ApiResponse decided = api.rate(personId, api.dsrTeam, amber);

            assertThat(decided.status()).as(decided.text()).isEqualTo(201);
            assertThat(decided.json().get("rating").asText()).isEqualTo("AMBER");
            JsonNode suggestion = decided.json().get("toolSuggestion");
            assertThat(suggestion.get("assessmentId").asText()).isEqualTo(assessmentId);
            assertThat(suggestion.get("toolId").asText()).isEqualTo(DEFAULT_TOOL);
            assertThat(suggestion.get("suggestedRating").asText()).isEqualTo("RED");
        }

        @Test
        void anotherPersonsAssessmentIsNotTheirs() {
            UUID assessed = onRegister();
            UUID other = onRegister();
            String assessmentId = assess(assessed, api.dsrTeam, assessment(DEFAULT_TOOL, 1, defaultToolAnswers()))
                    .json().get("assessmentId").asText();

            Map<String, Object> green = new HashMap<>(org.opendsr.risk.support.RiskApi.decision("GREEN"));
            green.put("assessmentId", assessmentId);
            assertNamesField(api.rate(other, api.dsrTeam, green), 400, "assessmentId");
        }

        @Test
        void anAssessmentIsAuditedWithItsAnswers() {
            UUID personId = onRegister();
            assertThat(assess(personId, api.professional, assessment(DEFAULT_TOOL, 1,
                    defaultToolAnswers("crisis-ae", "yes"))).status()).isEqualTo(201);

            // Read through the kit, which decrypts: an entry's values about a person are stored under their audit key.
            Object answered = auditLog.ofPerson(personId, null, AuditPage.MAX_SIZE).items().stream()
                    .filter(entry -> entry.action().equals("ASSESSED") && entry.outcome().equals("ALLOWED"))
                    .map(entry -> ((Map<?, ?>) entry.newValues().get("answers")).get("crisis-ae"))
                    .findFirst().orElse(null);
            assertThat(answered).isEqualTo("yes");
        }

        @Test
        void aBreakGlassReaderSeesTheAssessmentsButDoesNotAssess() {
            UUID personId = onRegister();
            referrals.careTeam(personId, ReferralEvents.AREA,
                    referrals.member(ReferralEvents.REFERRER, CareTeamRole.REFERRER),
                    referrals.breakGlass("professional-2"));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> api.http.get(
                    "/ratings/people/" + personId + "/assessments", api.anotherProfessional).status() == 200);

            ApiResponse refused = assess(personId, api.anotherProfessional,
                    assessment(DEFAULT_TOOL, 1, defaultToolAnswers()));

            assertThat(refused.status()).as(refused.text()).isEqualTo(403);
        }

        @Test
        void aPersonInWiltshireIsAssessedWithWiltshiresTool() {
            UUID inWiltshire = onRegister();
            referrals.careTeam(inWiltshire, "WILTSHIRE", referrals.member(ReferralEvents.REFERRER,
                    CareTeamRole.REFERRER));
            UUID inSwindon = onRegister();

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                    WILTSHIRE_TOOL.equals(
                    api.http.get("/ratings/people/" + inWiltshire + "/tool", api.professional)
                            .json().path("definition").path("toolId").asText()));
            ApiResponse swindon = api.http.get("/ratings/people/" + inSwindon + "/tool", api.professional);
            assertThat(swindon.json().get("definition").get("toolId").asText()).isEqualTo(DEFAULT_TOOL);

            Map<String, String> answers = new LinkedHashMap<>(Map.of("mental-health-crisis", "yes",
                    "home-unstable", "yes", "behaviour", "no", "carers", "no", "harm", "no", "support-gaps", "no"));
            ApiResponse assessed = assess(inWiltshire, api.professional, assessment(WILTSHIRE_TOOL, 1, answers));
            assertThat(assessed.status()).as(assessed.text()).isEqualTo(201);
            assertThat(assessed.json().get("suggestedRating").asText()).isEqualTo("RED");
            assertThat(assessed.json().get("score").asInt()).isEqualTo(8);
        }
    }

    private long countOf(String sql, String... parameters) {
        return transactions.executeRead(status -> {
            try (PreparedStatement query = status.getConnection().prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    query.setString(i + 1, parameters[i]);
                }
                try (ResultSet result = query.executeQuery()) {
                    result.next();
                    return result.getLong(1);
                }
            }
        });
    }
}
