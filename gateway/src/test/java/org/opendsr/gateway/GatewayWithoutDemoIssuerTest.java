package org.opendsr.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.TestTokens;
import org.opendsr.testkit.security.TokenRefusalContract;

/**
 * The gateway as production runs it: no built-in issuer (its default), tokens from the ICB's identity provider
 * (here the test issuer, with its own JWKS), so there is nowhere to get a demo token. Every token the
 * {@link TokenRefusalContract} lists is refused at the edge, on an API path, before anything is relayed.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayWithoutDemoIssuerTest implements TestPropertyProvider, TokenRefusalContract {

    private static final FakeBackend REFERRAL_SERVICE = FakeBackend.start();
    private static final String AUDIENCE = "dsr-api";

    @Inject
    EmbeddedServer server;

    private ApiClient api;

    @Override
    public Map<String, String> getProperties() {
        URI down = FakeBackend.nothingListening();
        Map<String, String> properties = new HashMap<>(TestTokens.get().serviceProperties());
        properties.put("micronaut.server.port", "-1");
        properties.put("dsr.security.audience", AUDIENCE);
        properties.put("dsr.gateway.services.referral-service.url", REFERRAL_SERVICE.url().toString());
        for (String service : List.of("consent-service", "risk-service", "meeting-service", "reporting-service")) {
            properties.put("dsr.gateway.services." + service + ".url", down.toString());
        }
        return properties;
    }

    @Override
    public String tokenRefusalBaseUrl() {
        return server.getURL().toString();
    }

    @Override
    public String securedPath() {
        return "/api/referrals/token-contract";
    }

    @Override
    public String expectedAudience() {
        return AUDIENCE;
    }

    @BeforeAll
    void connect() {
        api = new ApiClient(server.getURL().toString());
    }

    @AfterAll
    void stopBackend() {
        REFERRAL_SERVICE.close();
    }

    @Test
    void thereIsNoDemoTokenToBeHad() {
        ApiResponse response = api.post("/auth/demo-token", null, Map.of("username", "admin"));

        assertThat(response.status()).isIn(401, 404);
        assertThat(response.text()).doesNotContain("access_token");
        assertThat(api.get("/auth/demo-users", null).status()).isIn(401, 404);
    }

    @Test
    void itPublishesNoSigningKeysOfItsOwn() {
        assertThat(api.get("/keys", null).status()).isIn(401, 404);
    }

    @Test
    void aTokenFromTheIdentityProviderIsAcceptedAndRelayed() {
        String path = "/referrals/" + UUID.randomUUID();
        String token = token(Map.of("aud", AUDIENCE), Duration.ofHours(1));

        ApiResponse response = api.get("/api" + path, token);

        assertThat(response.status()).isEqualTo(200);
        assertThat(REFERRAL_SERVICE.receivedAt(path)).singleElement()
                .satisfies(received -> assertThat(received.header("Authorization")).containsExactly("Bearer " + token));
    }

    @Test
    void aTokenTheIdentityProviderIssuedForAnotherApplicationIsRefused() {
        String path = "/api/referrals/" + UUID.randomUUID();

        assertThat(api.get(path, token(Map.of("aud", "another-application"), Duration.ofHours(1))).status())
                .isEqualTo(401);
        assertThat(api.get(path, token(Map.of("aud", TestTokens.ABSENT), Duration.ofHours(1))).status())
                .as("no audience at all").isEqualTo(401);
    }

    @Test
    void aTokenSignedByTheTrustedKeyButFromAnotherIssuerIsRefused() {
        String path = "/api/referrals/" + UUID.randomUUID();

        assertThat(api.get(path, token(Map.of("aud", AUDIENCE, "iss", "https://another-issuer.example"),
                Duration.ofHours(1))).status()).isEqualTo(401);
    }

    private static String token(Map<String, Object> claims, Duration validFor) {
        return TestTokens.get().tokenFor("sam.patel@example.nhs", List.of(DsrRoles.PROFESSIONAL), claims, validFor);
    }
}
