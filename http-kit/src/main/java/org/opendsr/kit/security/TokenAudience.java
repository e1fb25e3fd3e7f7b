package org.opendsr.kit.security;

import io.micronaut.security.token.jwt.validator.AudienceJwtClaimsValidator;
import io.micronaut.security.token.jwt.validator.JwtClaimsValidatorConfiguration;
import jakarta.inject.Singleton;

/**
 * A token must name {@code dsr.security.audience} (env {@code DSR_SECURITY_AUDIENCE}, required: {@link TokenPolicy})
 * in its {@code aud} claim, so a token the identity provider issued for another application is refused even though
 * it is signed by the trusted key and carries the trusted issuer.
 *
 * <p>Micronaut's own validator does the check. It is not switched on by a line in the kit's defaults
 * ({@code claims-validators.audience: ${dsr.security.audience}}) because that would make the audience optional
 * again for anyone who sets the property to nothing; here it is always on, with the policy's audience.
 */
@Singleton
public class TokenAudience<T> extends AudienceJwtClaimsValidator<T> {

    // Generic like Micronaut's own validators: the token validator injects GenericJwtClaimsValidator<HttpRequest<?>>,
    // and a bean with a fixed type argument would silently not be among them.
    public TokenAudience(TokenPolicy policy) {
        super(new ExpectedAudience(policy.audience()));
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
