package org.opendsr.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.TestTokens;

/**
 * A broken rule thrown anywhere becomes the same problem+json a {@code RequestRefused} gives; a controller takes
 * the {@code Caller} as a parameter, with the purpose header read once, in the kit.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuleBrokenAndCallerTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    private ApiClient api;
    private String token;

    @Override
    public Map<String, String> getProperties() {
        return KitTestContext.properties(false);
    }

    @BeforeAll
    void client() {
        api = new ApiClient(server.getURL().toString());
        token = TestTokens.get().tokenFor("test-professional", List.of("PROFESSIONAL", "DSR_TEAM"),
                Map.of("email", "pro@example.org", "organisation", "Swindon GP"), Duration.ofHours(1));
    }

    private ApiResponse rule(String kind) {
        ApiResponse response = api.get("/kit-test/rules/" + kind, token);
        assertThat(response.contentType()).startsWith("application/problem+json");
        return response;
    }

    @Test
    void anInvalidRequestIs400NamingTheField() {
        ApiResponse response = rule("invalid");
        JsonNode problem = response.json();
        assertThat(response.status()).isEqualTo(400);
        assertThat(problem.get("type").asText()).isEqualTo("urn:dsr:problem:invalid-request");
        assertThat(problem.get("title").asText()).isEqualTo("The request is not valid");
        assertThat(problem.get("detail").asText()).isEqualTo("locality: must be a locality code");
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("locality");
        assertThat(problem.get("errors").get(0).get("message").asText()).isEqualTo("must be a locality code");
    }

    @Test
    void notFoundIs404() {
        ApiResponse response = rule("not-found");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("type").asText()).isEqualTo("urn:dsr:problem:not-found");
        assertThat(response.json().get("title").asText()).isEqualTo("Not found");
        assertThat(response.json().get("detail").asText()).isEqualTo("Referral was not found");
        assertThat(response.json().has("errors")).isFalse();
    }

    @Test
    void aConflictIs409WithItsRule() {
        ApiResponse response = rule("conflict");
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("type").asText()).isEqualTo("urn:dsr:problem:test-conflict");
        assertThat(response.json().get("title").asText()).isEqualTo("Refused by the test");
        assertThat(response.json().get("detail").asText()).isEqualTo("the test refuses this");
        assertThat(response.json().has("errors")).isFalse();
    }

    @Test
    void aConflictAboutAFieldNamesIt() {
        ApiResponse response = rule("conflict-on-field");
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("detail").asText()).isEqualTo("referredOn: the test refuses this date");
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("referredOn");
    }

    @Test
    void forbiddenIs403AndAnUnknownPersonIsAConflict() {
        ApiResponse forbidden = rule("forbidden");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().get("type").asText()).isEqualTo("urn:dsr:problem:forbidden");
        assertThat(forbidden.json().get("title").asText()).isEqualTo("Not allowed");

        ApiResponse unknown = rule("unknown-person");
        assertThat(unknown.status()).isEqualTo(409);
        assertThat(unknown.json().get("type").asText()).isEqualTo("urn:dsr:problem:unknown-person");
        assertThat(unknown.json().get("title").asText()).isEqualTo("No such person");
        assertThat(unknown.json().get("detail").asText()).isEqualTo("no person with this personId");
    }

    @Test
    void theCallerIsBoundFromTheTokenAndThePurposeHeader() {
        ApiResponse byDefault = api.get("/kit-test/caller", token);
        assertThat(byDefault.status()).isEqualTo(200);
        assertThat(byDefault.json().get("userId").asText()).isEqualTo("test-professional");
        assertThat(byDefault.json().get("roles").toString()).contains("PROFESSIONAL", "DSR_TEAM");
        assertThat(byDefault.json().get("email").asText()).isEqualTo("pro@example.org");
        assertThat(byDefault.json().get("organisation").asText()).isEqualTo("Swindon GP");
        assertThat(byDefault.json().get("purpose").asText()).isEqualTo("CARE");

        ApiResponse stated = api.get("/kit-test/caller", token, Map.of("X-DSR-Purpose", " SAFEGUARDING "));
        assertThat(stated.json().get("purpose").asText()).isEqualTo("SAFEGUARDING");
    }

    @Test
    void aPurposeCallersMayNotStateIsRefusedNamingTheHeader() {
        ApiResponse response = api.get("/kit-test/caller", token, Map.of("X-DSR-Purpose", "AUDIT"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("X-DSR-Purpose");
        assertThat(response.json().get("errors").get(0).get("message").asText())
                .isEqualTo("must be one of [CARE, SAFEGUARDING]");
    }

    @Test
    void anAnonymousCallerIsRefusedBySecurityFirst() {
        assertThat(api.get("/kit-test/caller", null).status()).isEqualTo(401);
    }
}
