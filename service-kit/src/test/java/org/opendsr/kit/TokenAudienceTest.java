package org.opendsr.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.TestTokens;

/** With {@code dsr.security.audience} set, a token the trusted issuer made for another application is refused. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenAudienceTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

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

    @Test
    void aTokenForThisAudienceIsAccepted() {
        assertThat(api.get("/kit-test/pages?page=2", tokenWith(Map.of("aud", "dsr-api"))).status()).isEqualTo(200);
        assertThat(api.get("/kit-test/pages?page=2", tokenWith(Map.of("aud", List.of("other-app", "dsr-api"))))
                .status()).isEqualTo(200);
    }

    @Test
    void aTokenForAnotherAudienceOrForNoneIsRefused() {
        assertThat(api.get("/kit-test/pages?page=2", tokenWith(Map.of("aud", "another-application"))).status())
                .isEqualTo(401);
        assertThat(api.get("/kit-test/pages?page=2", tokenWith(Map.of())).status()).isEqualTo(401);
    }

    private static String tokenWith(Map<String, Object> claims) {
        return TestTokens.get().tokenFor("test-professional", List.of("PROFESSIONAL"), claims, Duration.ofHours(1));
    }
}
