package org.opendsr.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

class IdentityProviderPlaceholderCheckTest {

    @Test
    void thePlainManifestsPlaceholderIsRefused() {
        assertThat(IdentityProviderPlaceholderCheck.isPlaceholder("https://identity.example.invalid/.well-known/jwks.json"))
                .isTrue();
        assertThat(IdentityProviderPlaceholderCheck.isPlaceholder("https://IDENTITY.EXAMPLE.INVALID")).isTrue();
    }

    @Test
    void realProvidersAndTheLocalDemoIssuerAreAccepted() {
        assertThat(IdentityProviderPlaceholderCheck.isPlaceholder("https://am.nhsidentity.spineservices.nhs.uk/openam"))
                .isFalse();
        assertThat(IdentityProviderPlaceholderCheck.isPlaceholder("http://localhost:8080/keys")).isFalse();
        assertThat(IdentityProviderPlaceholderCheck.isPlaceholder("dsr-local-demo-issuer")).isFalse();
        assertThat(IdentityProviderPlaceholderCheck.isPlaceholder("https://invalid-idp.example.nhs.uk")).isFalse();
        assertThat(IdentityProviderPlaceholderCheck.isPlaceholder("https://test-issuer.dsr.invalid")).isFalse();
    }

    @Test
    void aProcessWithThePlaceholderDoesNotStart() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of(
                "dsr.security.jwks-url", "https://identity.example.invalid/.well-known/jwks.json",
                "dsr.security.issuer", "https://idp.example.nhs.uk",
                "dsr.security.audience", "dsr-api"), "test").close())
                .hasStackTraceContaining("DSR_SECURITY_JWKS_URL");
        assertThatCode(() -> new IdentityProviderPlaceholderCheck("http://localhost:8080/keys", "dsr-local-demo-issuer"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> new IdentityProviderPlaceholderCheck("http://localhost:8080/keys",
                "dsr-local-demo-issuer", "api://identity.example.invalid")).hasMessageContaining("DSR_SECURITY_AUDIENCE");
    }
}
