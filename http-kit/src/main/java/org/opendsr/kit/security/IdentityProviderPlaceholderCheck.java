package org.opendsr.kit.security;

import java.net.URI;
import java.util.Locale;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;

/**
 * Refuses to start with the placeholder identity provider of the generated plain Kubernetes manifests
 * ({@code https://identity.example.invalid}, audience {@code api://identity.example.invalid}, root pom
 * {@code dsr.k8s.security.*}): otherwise the process would
 * start, report ready and turn every caller away, because no token can be validated. Only that host: tests use
 * other names under the reserved {@code .invalid} for their own issuer.
 */
@Context
public class IdentityProviderPlaceholderCheck {

    static final String PLACEHOLDER_HOST = "identity.example.invalid";

    @Inject
    IdentityProviderPlaceholderCheck(@Value("${dsr.security.jwks-url:}") String jwksUrl,
                                     @Value("${dsr.security.issuer:}") String issuer,
                                     @Value("${dsr.security.audience:}") String audience) {
        refuse("dsr.security.jwks-url (DSR_SECURITY_JWKS_URL)", jwksUrl);
        refuse("dsr.security.issuer (DSR_SECURITY_ISSUER)", issuer);
        refuse("dsr.security.audience (DSR_SECURITY_AUDIENCE)", audience);
    }

    IdentityProviderPlaceholderCheck(String jwksUrl, String issuer) {
        this(jwksUrl, issuer, "");
    }

    static void refuse(String property, String value) {
        if (isPlaceholder(value)) {
            throw new IllegalStateException(property + " is still the placeholder " + value
                    + ": set it to your identity provider's (deploy/README.md, chart values security.*)");
        }
    }

    static boolean isPlaceholder(String value) {
        String host;
        try {
            host = URI.create(value.trim()).getHost();
        } catch (IllegalArgumentException notAUri) {
            return false;
        }
        if (host == null) {
            return false;
        }
        return host.toLowerCase(Locale.ROOT).equals(PLACEHOLDER_HOST);
    }
}
