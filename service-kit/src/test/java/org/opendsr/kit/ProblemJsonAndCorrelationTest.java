package org.opendsr.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.contracts.Topics;
import org.opendsr.kit.messaging.CloudEventCodec;
import org.opendsr.kit.testapp.ReferralsSeen;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.LogCapture;
import org.opendsr.testkit.TestTokens;
import org.opendsr.testkit.TopicReader;

/** Bad requests get a problem+json 4xx naming the field; nothing is written; the correlation id travels on. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProblemJsonAndCorrelationTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Inject
    ReferralsSeen seen;

    private ApiClient api;
    private String token;

    @Override
    public Map<String, String> getProperties() {
        return KitTestContext.properties(true);
    }

    @BeforeAll
    void client() {
        api = new ApiClient(server.getURL().toString());
        token = TestTokens.get().tokenFor("test-professional", "PROFESSIONAL");
    }

    private static Map<String, Object> validRequest(UUID personId) {
        return Map.of("personId", personId.toString(), "locality", "SWINDON", "indicativeRag", "AMBER",
                "referredOn", "2026-11-20", "contacts", List.of(Map.of("relationship", "parent", "email", "p@example.org")));
    }

    private static Map<String, Object> with(Map<String, Object> base, String field, Object value) {
        var copy = new java.util.HashMap<>(base);
        if (value == null) {
            copy.remove(field);
        } else {
            copy.put(field, value);
        }
        return copy;
    }

    private static void assertProblemNaming(ApiResponse response, int status, String field) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        // One title for every bad field, whether binding, validation or the service's own rules found it.
        assertThat(problem.get("title").asText()).isEqualTo("The request is not valid");
        assertThat(problem.get("type").asText()).isEqualTo("urn:dsr:problem:invalid-request");
        assertThat(problem.get("errors").findValuesAsText("field")).contains(field);
    }

    @Test
    void anUnknownCodeIsRefusedNamingTheField() {
        UUID personId = UUID.randomUUID();
        ApiResponse response = api.post("/kit-test/referrals", token, with(validRequest(personId), "indicativeRag", "PURPLE"));

        assertProblemNaming(response, 400, "indicativeRag");
        assertThat(response.json().get("errors").get(0).get("message").asText()).contains("RED").doesNotContain("PURPLE");
        assertThat(seen.appliedInOrderFor(personId)).isEmpty();
    }

    @Test
    void aBadDateIsRefusedNamingTheField() {
        ApiResponse response = api.post("/kit-test/referrals", token,
                with(validRequest(UUID.randomUUID()), "referredOn", "31/02/2026"));

        assertProblemNaming(response, 400, "referredOn");
    }

    @Test
    void aMissingFieldIsRefusedNamingTheField() {
        ApiResponse response = api.post("/kit-test/referrals", token, with(validRequest(UUID.randomUUID()), "locality", null));

        assertProblemNaming(response, 400, "locality");
    }

    @Test
    void aConstraintOnANestedFieldNamesItsPath() {
        ApiResponse response = api.post("/kit-test/referrals", token, with(validRequest(UUID.randomUUID()), "contacts",
                List.of(Map.of("relationship", "parent", "email", "not-an-email"))));

        assertProblemNaming(response, 400, "contacts[0].email");
    }

    @Test
    void anUnreadableValueInsideAListNamesItsPath() {
        ApiResponse response = api.post("/kit-test/referrals", token, with(validRequest(UUID.randomUUID()), "contacts",
                List.of(Map.of("relationship", "parent", "concern", "PURPLE"))));

        assertProblemNaming(response, 400, "contacts[0].concern");
    }

    @Test
    void aNulCharacterInFreeTextIsRefusedNamingTheField() {
        UUID personId = UUID.randomUUID();
        ApiResponse response = api.post("/kit-test/referrals", token, with(validRequest(personId), "note", "A\u0000B"));

        assertProblemNaming(response, 400, "note");
        assertThat(response.json().get("errors").get(0).get("message").asText())
                .isEqualTo(org.opendsr.kit.web.PlainText.REFUSAL);
        assertThat(seen.appliedInOrderFor(personId)).isEmpty();
    }

    @Test
    void aControlCharacterInANestedFieldIsRefusedNamingItsPath() {
        ApiResponse escape = api.post("/kit-test/referrals", token, with(validRequest(UUID.randomUUID()), "contacts",
                List.of(Map.of("relationship", "parent"), Map.of("relationship", "car\u001ber"))));
        assertProblemNaming(escape, 400, "contacts[1].relationship");

        ApiResponse c1 = api.post("/kit-test/referrals", token, with(validRequest(UUID.randomUUID()), "contacts",
                List.of(Map.of("relationship", "mis\u0092decoded"))));
        assertProblemNaming(c1, 400, "contacts[0].relationship");
    }

    @Test
    void aControlCharacterInAListOfTextsIsRefusedNamingTheList() {
        ApiResponse response = api.post("/kit-test/referrals", token,
                with(validRequest(UUID.randomUUID()), "tags", List.of("fine", "not\u0007fine")));

        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsText("field")).anySatisfy(field ->
                assertThat(field).startsWith("tags"));
        assertThat(response.json().get("errors").get(0).get("message").asText())
                .isEqualTo(org.opendsr.kit.web.PlainText.REFUSAL);
        assertThat(api.post("/kit-test/referrals", token, with(validRequest(UUID.randomUUID()), "tags",
                List.of("fine", "also fine"))).status()).isEqualTo(201);
    }

    @Test
    void tabsAndLineBreaksInFreeTextAreAccepted() {
        ApiResponse response = api.post("/kit-test/referrals", token,
                with(validRequest(UUID.randomUUID()), "note", "First line\r\n\tsecond line"));

        assertThat(response.status()).as(response.text()).isEqualTo(201);
    }

    @Test
    void aControlCharacterInAQueryParameterOrThePathIsRefusedNamingIt() {
        assertProblemNaming(api.get("/kit-test/pages?page=2&responsibleProfessional=a%00b", token), 400,
                "responsibleProfessional");
        assertProblemNaming(api.get("/kit-test/pages?page=2&note=%07", token), 400, "note");
        assertProblemNaming(api.get("/kit-test/rules/a%00b", token), 400, "path");
        assertThat(api.get("/kit-test/pages?page=2&note=plain%20text", token).status()).isEqualTo(200);
    }

    @Test
    void aBadQueryParameterIsNamed() {
        assertProblemNaming(api.get("/kit-test/pages?page=0", token), 400, "page");
        assertProblemNaming(api.get("/kit-test/pages?page=abc", token), 400, "page");
    }

    @Test
    void aBodyThatIsNotJsonIsRefused() {
        ApiResponse response = api.postRaw("/kit-test/referrals", token, "{\"personId\": ", Map.of());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).isEqualTo("The request body is not valid JSON");
    }

    @Test
    void aRefusalCarriesItsProblemType() {
        ApiResponse response = api.post("/kit-test/referrals", token, with(validRequest(UUID.randomUUID()), "locality", "CONFLICT"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("type").asText()).isEqualTo("urn:dsr:problem:test-conflict");
        assertThat(response.json().get("detail").asText()).isEqualTo("the test refuses this locality");
    }

    @Test
    void securityAndRoutingErrorsAreProblemsToo() {
        ApiResponse unauthenticated = api.post("/kit-test/referrals", null, validRequest(UUID.randomUUID()));
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(unauthenticated.contentType()).startsWith("application/problem+json");

        ApiResponse badToken = api.post("/kit-test/referrals", token.substring(0, token.length() - 4) + "AAAA",
                validRequest(UUID.randomUUID()));
        assertThat(badToken.status()).isEqualTo(401);

        ApiResponse missing = api.get("/kit-test/nothing-here", token);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aTokenSignedByTheTrustedKeyButFromAnotherIssuerIsRefused() {
        String otherIssuer = TestTokens.get().tokenFor("test-professional", List.of("PROFESSIONAL"),
                Map.of("iss", "https://another-issuer.example"), Duration.ofHours(1));

        assertThat(api.get("/kit-test/pages?page=2", token).status()).as("the same token from the trusted issuer")
                .isEqualTo(200);
        assertThat(api.get("/kit-test/pages?page=2", otherIssuer).status()).isEqualTo(401);
    }

    @Test
    void anExpiredTokenIsRefused() {
        String expired = TestTokens.get().tokenFor("test-professional", List.of("PROFESSIONAL"), Map.of(),
                Duration.ofHours(-1));

        assertThat(api.get("/kit-test/pages?page=2", expired).status()).isEqualTo(401);
    }

    @Test
    void anUnexpectedFailureIsA500ProblemAndItsLogLineQuotesNoData() {
        try (LogCapture logs = LogCapture.capture()) {
            ApiResponse response = api.get("/kit-test/failure", token);

            assertThat(response.status()).isEqualTo(500);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.text()).doesNotContain("9434765919");
            assertThat(logs.lines()).anyMatch(line -> line.contains("Unexpected failure"));
            assertThat(logs.linesContainingAnyOf("9434765919")).isEmpty();
        }
    }

    @Test
    void theCorrelationIdTravelsFromTheRequestThroughTheEventToTheConsumer() {
        String correlationId = "journey-" + UUID.randomUUID();
        UUID personId = UUID.randomUUID();
        try (TopicReader topic = TopicReader.fromBeginning(Topics.REFERRAL_EVENTS)) {
            ApiResponse created = api.post("/kit-test/referrals", token, validRequest(personId),
                    Map.of("X-Correlation-Id", correlationId));

            assertThat(created.status()).isEqualTo(201);
            assertThat(created.header("X-Correlation-Id")).isEqualTo(correlationId);
            UUID referralId = UUID.fromString(created.json().get("referralId").asText());

            var record = topic.awaitRecord(r -> r.key().equals(personId.toString()));
            CloudEventCodec.ReceivedCloudEvent event = CloudEventCodec.read(record.value().getBytes());
            assertThat(event.correlationId()).isEqualTo(correlationId);
            assertThat(event.subject()).isEqualTo(personId.toString());
            assertThat(TopicReader.header(record, "content-type")).isEqualTo("application/cloudevents+json");

            await().atMost(Duration.ofSeconds(30)).until(() -> seen.timesApplied(referralId) == 1);
            assertThat(seen.correlationIdOf(referralId)).isEqualTo(correlationId);
        }
    }

    @Test
    void aCallerWithoutACorrelationIdGetsOne() {
        ApiResponse response = api.get("/kit-test/pages?page=2", token);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-Correlation-Id")).isNotBlank();
    }
}
