package org.opendsr.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.kit.security.VerifyTokenOnce;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.TestTokens;

/**
 * A token is verified in full once, then found in the process's cache of verified tokens, and every check the full
 * verification makes still holds: a different or altered token, another audience, an expired token are refused.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenVerifiedOnceTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Inject
    VerifyTokenOnce verifyOnce;

    private ApiClient api;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(KitTestContext.properties(false));
        properties.put("dsr.security.audience", "dsr-api");
        return properties;
    }

    @BeforeAll
    void client() {
        api = new ApiClient(server.getURL().toString());
    }

    private static String tokenFor(String audience, Duration validFor) {
        return TestTokens.get().tokenFor("test-professional", List.of("PROFESSIONAL"), Map.of("aud", audience),
                validFor);
    }

    @Test
    void anAcceptedTokenIsRememberedAndAcceptedAgain() {
        String token = tokenFor("dsr-api", Duration.ofHours(1));
        int before = verifyOnce.verifiedTokens().size();

        assertThat(api.get("/kit-test/pages?page=2", token).status()).isEqualTo(200);
        assertThat(verifyOnce.verifiedTokens().size()).isEqualTo(before + 1);
        assertThat(api.get("/kit-test/pages?page=2", token).status()).isEqualTo(200);
        assertThat(verifyOnce.verifiedTokens().size()).as("the same token is one entry").isEqualTo(before + 1);
    }

    @Test
    void aTokenWithTheSameClaimsButATamperedSignatureIsRefusedAfterTheGenuineOneWasRemembered() {
        String token = tokenFor("dsr-api", Duration.ofHours(1));
        assertThat(api.get("/kit-test/pages?page=2", token).status()).isEqualTo(200);

        String[] parts = token.split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[signature.length / 2] ^= 0x01;
        String tampered = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);

        assertThat(api.get("/kit-test/pages?page=2", tampered).status()).isEqualTo(401);
        assertThat(api.get("/kit-test/pages?page=2", tampered).status()).as("a refusal is not remembered").isEqualTo(401);
    }

    @Test
    void aTokenForAnotherAudienceIsRefusedEveryTime() {
        assertThat(api.get("/kit-test/pages?page=2", tokenFor("dsr-api", Duration.ofHours(1))).status()).isEqualTo(200);
        String other = tokenFor("another-application", Duration.ofHours(1));

        assertThat(api.get("/kit-test/pages?page=2", other).status()).isEqualTo(401);
        assertThat(api.get("/kit-test/pages?page=2", other).status()).isEqualTo(401);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() {
        String shortLived = tokenFor("dsr-api", Duration.ofSeconds(2));
        assertThat(api.get("/kit-test/pages?page=2", shortLived).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.get("/kit-test/pages?page=2", shortLived).status() == 401);
    }
}
