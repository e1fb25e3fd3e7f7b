package org.opendsr.kit.security;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in front of Micronaut's JWT validator, in the gateway and in every service alike, and does two things:
 * <ol>
 * <li><b>pins the algorithm</b>: a token whose header's {@code alg} is not one of {@link TokenPolicy#algorithms()}
 *     (RS256, ES256) is refused before anything else looks at it: an unsigned token ({@code alg: none}), an HMAC one
 *     (HS256 "signed" with the provider's public key as the secret), an encrypted one, or anything unparseable;</li>
 * <li><b>verifies a token once</b> ({@link VerifiedTokens}): the first request with a token is verified in full by
 *     Micronaut (signature against the identity provider's keys, then every claims validator: issuer, audience
 *     ({@link TokenAudience}), times ({@link TokenTimes})); later requests with exactly that token get the same
 *     authentication back until the token expires or grows too old. A refused token is never remembered and is
 *     verified in full again on every request. {@code dsr.security.token-cache.enabled: false} switches only this
 *     part off; the pinning stays.</li>
 * </ol>
 *
 * <p>Chosen over a gateway-signed internal assertion: every process still trusts only the identity provider's
 * keys (no new key to distribute, rotate or leak, and a service reached without the gateway is no weaker), and
 * the saving is the same for a caller that sends one token for many requests, which is how browsers and agency
 * systems call. The kit's claims validators do not depend on the request, which is what makes a result reusable
 * for another request; a request-dependent claims validator would need the cache switched off.
 *
 * <p>Wraps the validator bean as it is created (Micronaut's own class is not public to replace).
 */
@Singleton
public class VerifyTokenOnce implements BeanCreatedEventListener<ReactiveJsonWebTokenValidator<?, ?>> {

    private static final Logger LOG = LoggerFactory.getLogger(VerifyTokenOnce.class);

    private final TokenPolicy policy;
    private final VerifiedTokens verified;

    public VerifyTokenOnce(TokenPolicy policy,
                           @Value("${dsr.security.token-cache.enabled:true}") boolean cacheEnabled,
                           @Value("${dsr.security.token-cache.max-entries:10000}") int maxEntries,
                           @Value("${dsr.security.token-cache.max-age:10m}") Duration maxAge) {
        this.policy = policy;
        this.verified = cacheEnabled
                ? new VerifiedTokens(maxEntries, maxAge, policy.maxAge(), Clock.systemUTC())
                : null;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public ReactiveJsonWebTokenValidator<?, ?> onCreated(BeanCreatedEvent<ReactiveJsonWebTokenValidator<?, ?>> event) {
        return new Pinned(event.getBean(), policy, verified);
    }

    /** The cache this process uses, for tests and metrics; null when switched off. */
    public VerifiedTokens verifiedTokens() {
        return verified;
    }

    /** True when the token is a signed JWT whose algorithm the policy allows. */
    static boolean signedWithAllowedAlgorithm(String token, TokenPolicy policy) {
        try {
            JWT jwt = JWTParser.parse(token);
            return jwt instanceof SignedJWT signed && policy.allowsAlgorithm(signed.getHeader().getAlgorithm().getName());
        } catch (ParseException | RuntimeException unreadable) {
            return false;
        }
    }

    /** The validator with the algorithm pinned and the cache in front; everything else is the wrapped validator's. */
    static final class Pinned<T, R> implements ReactiveJsonWebTokenValidator<T, R> {
        private final ReactiveJsonWebTokenValidator<T, R> full;
        private final TokenPolicy policy;
        private final VerifiedTokens verified;

        Pinned(ReactiveJsonWebTokenValidator<T, R> full, TokenPolicy policy, VerifiedTokens verified) {
            this.full = full;
            this.policy = policy;
            this.verified = verified;
        }

        @Override
        public Publisher<Authentication> validateToken(String token, R request) {
            if (verified != null) {
                // Only a token that passed the pinning and full verification is ever in the cache.
                var known = verified.find(token);
                if (known.isPresent()) {
                    return Publishers.just(known.get());
                }
            }
            if (!signedWithAllowedAlgorithm(token, policy)) {
                LOG.debug("Token refused: not signed with one of {}", policy.algorithms());
                return Publishers.empty();
            }
            Publisher<Authentication> checked = full.validateToken(token, request);
            return verified == null ? checked : Publishers.then(checked, authentication -> verified.remember(token, authentication));
        }

        @Override
        public Publisher<T> validate(String token, R request) {
            if (!signedWithAllowedAlgorithm(token, policy)) {
                return Publishers.empty();
            }
            return full.validate(token, request);
        }

        @Override
        public int getOrder() {
            return full.getOrder();
        }
    }
}
