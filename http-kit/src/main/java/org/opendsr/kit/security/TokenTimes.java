package org.opendsr.kit.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses a token whose times {@link TokenPolicy} does not accept: no {@code exp} (Micronaut's own validator lets a
 * token without one live for ever), before its {@code nbf}, without {@code iat} or older than the maximum age.
 * One of Micronaut's claims validators, so it runs on every full verification, in the gateway and every service;
 * {@link VerifiedTokens} never keeps a token beyond the age this allows.
 */
@Singleton
public class TokenTimes<T> implements GenericJwtClaimsValidator<T> {

    private static final Logger LOG = LoggerFactory.getLogger(TokenTimes.class);

    private final TokenPolicy policy;
    private final Clock clock;

    // Generic like Micronaut's own validators (see TokenAudience).
    public TokenTimes(TokenPolicy policy) {
        this(policy, Clock.systemUTC());
    }

    TokenTimes(TokenPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public boolean validate(Claims claims, @Nullable T request) {
        Optional<String> refusal = policy.timesRefusal(clock.instant(), instantOf(claims.get(Claims.EXPIRATION_TIME)),
                instantOf(claims.get(Claims.NOT_BEFORE)), instantOf(claims.get(Claims.ISSUED_AT)));
        // The reason only: a token's claims name a member of staff, and the token itself is a credential.
        refusal.ifPresent(reason -> LOG.debug("Token refused: {}", reason));
        return refusal.isEmpty();
    }

    /** A JWT time claim as Nimbus (a Date) or a plain claims map (seconds since the epoch) gives it. */
    static Instant instantOf(@Nullable Object claim) {
        if (claim instanceof Date date) {
            return date.toInstant();
        }
        if (claim instanceof Instant instant) {
            return instant;
        }
        if (claim instanceof Number seconds) {
            return Instant.ofEpochSecond(seconds.longValue());
        }
        return null;
    }
}
