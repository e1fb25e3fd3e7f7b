package org.opendsr.kit.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import io.micronaut.security.token.jwt.validator.AudienceJwtClaimsValidator;
import io.micronaut.security.token.jwt.validator.JwtClaimsValidatorConfiguration;

/**
 * {@code dsr.security.audience} (env {@code DSR_SECURITY_AUDIENCE}): when set, a token must name it in its
 * {@code aud} claim, so a token the identity provider issued for another application is refused even though it
 * is signed by the trusted key and carries the trusted issuer. Unset, the audience is not checked (local runs).
 *
 * <p>Micronaut's own validator does the check. It is not switched on by a line in the kit's defaults
 * ({@code claims-validators.audience: ${dsr.security.audience:}}) because it is enabled by the property's mere
 * presence: an empty value would then refuse every token.
 */
@Singleton
@Requires(property = "dsr.security.audience", pattern = ".*\\S.*")
public class TokenAudience<T> extends AudienceJwtClaimsValidator<T> {

    // Generic like Micronaut's own validators: the token validator injects GenericJwtClaimsValidator<HttpRequest<?>>,
    // and a bean with a fixed type argument would silently not be among them.
    public TokenAudience(@Value("${dsr.security.audience}") String audience) {
        super(new ExpectedAudience(audience.trim()));
    }

    /** Only the audience is read by the validator; the other checks are configured as usual. */
    private record ExpectedAudience(String audience) implements JwtClaimsValidatorConfiguration {

        @Override
        public String getAudience() {
            return audience;
        }

        @Override
        public String getIssuer() {
            return null;
        }

        @Override
        public boolean isSubjectNotNull() {
            return true;
        }

        @Override
        public boolean isNotBefore() {
            return false;
        }

        @Override
        public boolean isExpiration() {
            return true;
        }

        @Override
        public boolean isNonce() {
            return false;
        }

        @Override
        public boolean isOpenidIdtoken() {
            return false;
        }
    }
}
