package org.opendsr.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.LogCapture;
import org.opendsr.testkit.TestTokens;

/**
 * The gateway as a local run starts it (built-in demo issuer on, services trusting its {@code /keys}), in front of
 * a fake referral-service that records what reaches it: demo tokens, authentication before routing, the request
 * relayed unchanged with the caller's token and correlation id, problems for what cannot be routed, anonymous API
 * docs, and an access audit line for every call.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayTest implements TestPropertyProvider {

    static final String DEMO_ISSUER = "dsr-local-demo-issuer";

    private static final FakeBackend REFERRAL_SERVICE = FakeBackend.start();

    @Inject
    EmbeddedServer server;

    private ApiClient api;
    private HttpClient http;
    private String professional;

    @Override
    public Map<String, String> getProperties() {
        int port = freePort();
        URI down = FakeBackend.nothingListening();
        Map<String, String> properties = new HashMap<>();
        // As in a local run: the gateway's own JWKS is where tokens are checked, by the gateway and the services.
        properties.put("micronaut.server.port", Integer.toString(port));
        properties.put("dsr.security.jwks-url", "http://127.0.0.1:" + port + "/keys");
        properties.put("dsr.security.issuer", DEMO_ISSUER);
        properties.put("dsr.gateway.demo-issuer.enabled", "true");
        // Checked, as production should: the demo issuer's tokens must then name this audience too.
        properties.put("dsr.security.audience", "dsr-api");
        // Short, so that a service that does not answer is given up on within the test; long enough that a busy
        // build machine does not turn an ordinary call into a timeout.
        properties.put("micronaut.http.client.read-timeout", "4s");
        properties.put("dsr.gateway.services.referral-service.url", REFERRAL_SERVICE.url().toString());
        // Every other service is down, so nothing outside this test is ever called.
        for (String service : List.of("consent-service", "risk-service", "meeting-service", "reporting-service")) {
            properties.put("dsr.gateway.services." + service + ".url", down.toString());
        }
        return properties;
    }

    @BeforeAll
    void connect() {
        api = new ApiClient(server.getURL().toString());
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        professional = demoToken("professional");
    }

    @AfterAll
    void stopBackend() {
        REFERRAL_SERVICE.close();
    }

    // ---- demo tokens ---------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} gets a token with roles {1}")
    @CsvSource({
            "professional,       PROFESSIONAL",
            "professional-2,     PROFESSIONAL",
            "dsr-team,           DSR_TEAM",
            "dsr-team-wiltshire, DSR_TEAM",
            "dsr-lead,           DSR_LEAD DSR_TEAM",
            "analyst,            ANALYST",
            "agency-system,      AGENCY_SYSTEM",
            "admin,              ADMIN"})
    void eachDemoUserGetsATokenCarryingTheirRoles(String username, String roles) throws Exception {
        List<String> expected = Arrays.asList(roles.split(" "));

        ApiResponse response = api.post("/auth/demo-token", null, Map.of("username", username));

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("username").asText()).isEqualTo(username);
        assertThat(texts(body.get("roles"))).containsExactlyElementsOf(expected);
        assertThat(body.get("expires_in").asLong()).isEqualTo(Duration.ofHours(8).toSeconds());

        SignedJWT token = SignedJWT.parse(body.get("access_token").asText());
        assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo(username);
        assertThat(token.getJWTClaimsSet().getStringListClaim("roles")).containsExactlyElementsOf(expected);
        assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo(DEMO_ISSUER);
        assertThat(token.getJWTClaimsSet().getExpirationTime().toInstant()).isAfter(Instant.now().plus(Duration.ofHours(7)));
    }

    @Test
    void theParameterisedTestAboveCoversEveryDemoUser() {
        ApiResponse users = api.get("/auth/demo-users", null);

        assertThat(users.status()).isEqualTo(200);
        assertThat(users.json().findValuesAsText("username"))
                .containsExactlyInAnyOrder("professional", "professional-2", "dsr-team", "dsr-team-wiltshire",
                        "dsr-lead", "analyst", "agency-system", "admin");
    }

    @Test
    void dsrTeamTokensNameTheirAreasAndTheAgencySystemItsAgency() throws Exception {
        assertThat(claims("dsr-team").getStringListClaim("areas")).containsExactly("SWINDON");
        assertThat(claims("dsr-team-wiltshire").getStringListClaim("areas"))
                .containsExactly("WILTSHIRE", "BATH_AND_NORTH_EAST_SOMERSET");
        assertThat(claims("dsr-lead").getStringListClaim("areas"))
                .containsExactlyInAnyOrder("SWINDON", "WILTSHIRE", "BATH_AND_NORTH_EAST_SOMERSET");
        assertThat(claims("agency-system").getStringClaim("agency")).isEqualTo("wiltshire-council");
        assertThat(claims("agency-system").getClaim("areas")).isNull();
        assertThat(claims("professional").getClaim("agency")).isNull();
        assertThat(claims("professional").getClaim("areas")).isNull();
        assertThat(claims("professional-2").getSubject()).isEqualTo("professional-2");
        // The walk-through's referrer has a work e-mail (an example domain): where their referral's outcome goes.
        assertThat(claims("professional").getStringClaim("email")).isEqualTo("sam.patel@swindon-ld.example");
        assertThat(claims("agency-system").getClaim("email")).isNull();
    }

    @Test
    void aDemoTokenNamesTheConfiguredAudienceAndOneForAnotherAudienceIsRefused() throws Exception {
        assertThat(claims("professional").getAudience()).containsExactly("dsr-api");

        ApiResponse foreign = api.post("/auth/demo-token", null,
                Map.of("username", "professional", "audience", "another-application"));
        assertThat(foreign.status()).isEqualTo(200);
        assertThat(foreign.json().get("audience").asText()).isEqualTo("another-application");
        String token = foreign.json().get("access_token").asText();
        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getAudience()).containsExactly("another-application");

        String path = "/referrals/" + UUID.randomUUID();
        assertThat(api.get("/api" + path, token).status()).isEqualTo(401);
        assertThat(REFERRAL_SERVICE.receivedAt(path)).isEmpty();
    }

    private com.nimbusds.jwt.JWTClaimsSet claims(String username) throws java.text.ParseException {
        return SignedJWT.parse(demoToken(username)).getJWTClaimsSet();
    }

    @Test
    void anUnknownOrMissingUsernameIsRefusedNamingTheField() {
        for (Map<String, Object> request : List.<Map<String, Object>>of(Map.of("username", "root"), Map.of("username", " "), Map.of())) {
            ApiResponse response = api.post("/auth/demo-token", null, request);

            assertThat(response.status()).as(request.toString()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("errors").findValuesAsText("field")).as(response.text()).containsExactly("username");
        }
    }

    @Test
    void keysServesTheJwksThatVerifiesDemoTokensWithoutThePrivateKey() throws Exception {
        ApiResponse keys = api.get("/keys", null);

        assertThat(keys.status()).isEqualTo(200);
        JWKSet jwks = JWKSet.parse(keys.text());
        SignedJWT token = SignedJWT.parse(professional);
        assertThat(jwks.getKeys()).hasSize(1);
        RSAKey key = (RSAKey) jwks.getKeyByKeyId(token.getHeader().getKeyID());
        assertThat(key).as("the key the token names").isNotNull();
        assertThat(key.isPrivate()).isFalse();
        assertThat(keys.json().get("keys").get(0).has("d")).isFalse();
        assertThat(token.verify(new RSASSAVerifier(key))).isTrue();
    }

    // ---- routing with the token relayed -----------------------------------------------------------------------------

    @Test
    void aDemoTokenIsAcceptedAndTheRequestReachesTheServiceUnchanged() throws Exception {
        String path = "/referrals/" + UUID.randomUUID();
        String body = "{\"givenName\":\"Ann\",\"note\":\"line one\\nline two\"}";

        ApiResponse response = api.postRaw("/api" + path + "?draft=true&note=two%20words", professional, body, Map.of());

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(REFERRAL_SERVICE.receivedAt(path)).hasSize(1);
        FakeBackend.Received received = REFERRAL_SERVICE.receivedAt(path).get(0);
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.rawQuery()).isEqualTo("draft=true&note=two%20words");
        assertThat(received.body()).isEqualTo(body);
        assertThat(received.header("Authorization")).containsExactly("Bearer " + professional);
        assertThat(received.header("Content-Type")).singleElement().asString().startsWith("application/json");
        // The service's answer comes back to the caller.
        assertThat(response.json().get("path").asText()).isEqualTo(path);
        assertThat(response.json().get("body").asText()).isEqualTo(body);
    }

    @Test
    void aGetIsRelayedWithItsPathBelowApiAndItsQuery() {
        String path = "/referrals/" + UUID.randomUUID();

        ApiResponse response = api.get("/api" + path + "?page=2&size=10", demoToken("dsr-team"));

        assertThat(response.status()).isEqualTo(200);
        FakeBackend.Received received = REFERRAL_SERVICE.receivedAt(path).get(0);
        assertThat(received.method()).isEqualTo("GET");
        assertThat(received.rawQuery()).isEqualTo("page=2&size=10");
    }

    @Test
    void aCsvTableOrAnHtmlPageComesBackAsTheServiceGaveIt() {
        // reporting-service's report outputs (issue 14): text/csv and text/html, relayed byte for byte.
        ApiResponse table = api.get("/api/referrals/" + UUID.randomUUID() + "/measures/referrals-received.csv",
                demoToken("analyst"));
        assertThat(table.status()).isEqualTo(200);
        assertThat(table.contentType()).isEqualTo("text/csv; charset=UTF-8");
        assertThat(table.text()).isEqualTo(FakeBackend.CSV);

        ApiResponse page = api.get("/api/referrals/" + UUID.randomUUID() + "/page", demoToken("analyst"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).isEqualTo("text/html; charset=UTF-8");
        assertThat(page.text()).isEqualTo(FakeBackend.HTML);
    }

    @Test
    void theServicesRefusalComesBackToTheCallerAsItWasGiven() {
        ApiResponse response = api.get("/api/referrals/missing", professional);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).isEqualTo("The referral was not found");
    }

    // ---- refused before routing ---------------------------------------------------------------------------------------

    @Test
    void withoutATokenTheCallIsRefusedAndTheServiceNeverCalled() {
        String path = "/referrals/" + UUID.randomUUID();

        ApiResponse response = api.post("/api" + path, null, Map.of("givenName", "Ann"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(REFERRAL_SERVICE.receivedAt(path)).isEmpty();
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefusedAndTheServiceNeverCalled() {
        String path = "/referrals/" + UUID.randomUUID();
        // Everything as a demo token says, but signed by a key the gateway does not trust.
        String forged = TestTokens.get().tokenFor("professional", List.of(DsrRoles.PROFESSIONAL),
                Map.of("iss", DEMO_ISSUER), Duration.ofHours(1));
        String tampered = professional.substring(0, professional.lastIndexOf('.') + 1) + "AAAA"
                + professional.substring(professional.lastIndexOf('.') + 5);

        assertThat(api.get("/api" + path, forged).status()).isEqualTo(401);
        assertThat(api.get("/api" + path, tampered).status()).isEqualTo(401);
        assertThat(REFERRAL_SERVICE.receivedAt(path)).isEmpty();
    }

    @Test
    void aPathNoServiceServesIsNotFound() {
        int before = REFERRAL_SERVICE.received().size();

        for (String path : List.of("/api/nothing-here", "/api/referralsandmore/1", "/api")) {
            ApiResponse response = api.get(path, professional);

            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
        }
        assertThat(REFERRAL_SERVICE.received()).hasSize(before);
    }

    @Test
    void aServiceThatIsDownIsA503ProblemNamingIt() {
        ApiResponse response = api.get("/api/consents/" + UUID.randomUUID(), professional);

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(503);
        assertThat(response.json().get("detail").asText()).contains("consent-service");
    }

    @Test
    void aServiceThatDoesNotAnswerIsA504ProblemNamingIt() {
        ApiResponse response = api.get("/api/referrals/stuck", professional);

        assertThat(response.status()).isEqualTo(504);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains("referral-service");
    }

    // ---- correlation ids ----------------------------------------------------------------------------------------------

    @Test
    void theCallersCorrelationIdReachesTheServiceAndComesBack() throws Exception {
        String path = "/referrals/" + UUID.randomUUID();
        String correlationId = "gateway-test-" + UUID.randomUUID();

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api" + path))
                .header("Authorization", "Bearer " + professional)
                .header("X-Correlation-Id", correlationId)
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(REFERRAL_SERVICE.receivedAt(path).get(0).header("X-Correlation-Id")).containsExactly(correlationId);
        assertThat(response.headers().allValues("X-Correlation-Id")).containsExactly(correlationId);
    }

    @Test
    void theServiceGetsOneTraceparentInTheCallersTraceNamingTheGatewaysSpan() throws Exception {
        String path = "/referrals/" + UUID.randomUUID();
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callerSpanId = "00f067aa0ba902b7";

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api" + path))
                .header("Authorization", "Bearer " + professional)
                .header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> forwarded = REFERRAL_SERVICE.receivedAt(path).get(0).header("traceparent");
        // One header, same trace, and the parent is the gateway's own span, not the caller's.
        assertThat(forwarded).hasSize(1);
        assertThat(forwarded.get(0)).startsWith("00-" + traceId + "-").doesNotContain(callerSpanId);
    }

    @Test
    void aCallerWithoutACorrelationIdGetsTheOneTheServiceWasGiven() throws Exception {
        String path = "/referrals/" + UUID.randomUUID();

        ApiResponse response = api.get("/api" + path, professional);

        assertThat(response.status()).isEqualTo(200);
        String returned = response.header("X-Correlation-Id");
        assertThat(returned).isNotBlank();
        assertThat(REFERRAL_SERVICE.receivedAt(path).get(0).header("X-Correlation-Id")).containsExactly(returned);
    }

    // ---- API documentation --------------------------------------------------------------------------------------------

    @Test
    void theApiDocumentationIsOpenToAnyone() {
        ApiResponse page = api.get("/docs/index.html", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.text()).contains("swagger-ui-bundle.js");

        ApiResponse bundle = api.get("/swagger-ui/swagger-ui-bundle.js", null);
        assertThat(bundle.status()).isEqualTo(200);
        assertThat(bundle.text()).contains("SwaggerUIBundle");

        ApiResponse specs = api.get("/specs", null);
        assertThat(specs.status()).isEqualTo(200);
        assertThat(specs.json().findValuesAsText("name")).contains("referral-service", "consent-service",
                "risk-service", "meeting-service", "reporting-service", "gateway");
    }

    @Test
    void aServicesOpenApiDocumentIsFetchedFromIt() {
        ApiResponse spec = api.get("/specs/referral-service.yml", null);

        assertThat(spec.status()).isEqualTo(200);
        assertThat(spec.text()).startsWith("openapi:");
        assertThat(REFERRAL_SERVICE.receivedAt("/swagger/referral-service.yml")).isNotEmpty();
    }

    // ---- access audit -------------------------------------------------------------------------------------------------

    @Test
    void everyCallIsAuditedWithTheUserAndOutcomeButNotTheQueryString() {
        String referralId = UUID.randomUUID().toString();
        try (LogCapture logs = LogCapture.capture()) {
            ApiResponse response = api.get("/api/referrals/" + referralId + "?nhsNumber=9434765919&familyName=Smith",
                    professional);
            assertThat(response.status()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(10)).until(() -> !auditLines(logs, referralId).isEmpty());
            assertThat(auditLines(logs, referralId)).singleElement().asString()
                    .contains("user=professional")
                    .contains("roles=[PROFESSIONAL]")
                    .contains("method=GET")
                    .contains("path=/api/referrals/" + referralId)
                    .contains("service=referral-service")
                    .contains("status=200")
                    .doesNotContain("nhsNumber").doesNotContain("9434765919").doesNotContain("Smith").doesNotContain("?");
        }
    }

    @Test
    void aCallToAServiceThatIsDownIsAuditedWithItsOutcome() {
        String consentId = UUID.randomUUID().toString();
        try (LogCapture logs = LogCapture.capture()) {
            api.get("/api/consents/" + consentId, demoToken("dsr-lead"));

            await().atMost(Duration.ofSeconds(10)).until(() -> !auditLines(logs, consentId).isEmpty());
            assertThat(auditLines(logs, consentId)).singleElement().asString()
                    .contains("user=dsr-lead").contains("service=consent-service").contains("status=503");
        }
    }

    @Test
    void aCallRefusedForWantOfAValidTokenIsAuditedToo() {
        String referralId = UUID.randomUUID().toString();
        try (LogCapture logs = LogCapture.capture()) {
            assertThat(api.get("/api/referrals/" + referralId, null).status()).isEqualTo(401);

            await().atMost(Duration.ofSeconds(10)).until(() -> !auditLines(logs, referralId).isEmpty());
            assertThat(auditLines(logs, referralId)).singleElement().asString()
                    .contains("user=anonymous").contains("status=401").contains("service=none");
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------------

    private String demoToken(String username) {
        ApiResponse response = api.post("/auth/demo-token", null, Map.of("username", username));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json().get("access_token").asText();
    }

    private static List<String> auditLines(LogCapture logs, String pathPart) {
        return logs.lines().stream()
                .filter(line -> line.contains(" dsr.audit.access "))
                .filter(line -> line.contains(pathPart))
                .toList();
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
