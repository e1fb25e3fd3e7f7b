package org.opendsr.kit.security;

import java.time.Clock;
import java.time.Duration;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * Puts {@link VerifiedTokens} in front of Micronaut's JWT validator, in the gateway and in every service alike:
 * the first request with a token is verified in full by Micronaut (signature against the identity provider's
 * keys, then every claims validator: issuer, audience ({@link TokenAudience}), expiry); later requests with
 * exactly that token get the same authentication back until the token expires. A token the validator refuses is
 * verified in full again on every request.
 *
 * <p>Chosen over a gateway-signed internal assertion: every process still trusts only the identity provider's
 * keys (no new key to distribute, rotate or leak, and a service reached without the gateway is no weaker), and
 * the saving is the same for a caller that sends one token for many requests, which is how browsers and agency
 * systems call. The kit's claims validators do not depend on the request, which is what makes a result reusable
 * for another request; a request-dependent claims validator would need {@code dsr.security.token-cache.enabled:
 * false}.
 *
 * <p>Wraps the validator bean as it is created (Micronaut's own class is not public to replace).
 */
@Singleton
@Requires(property = "dsr.security.token-cache.enabled", notEquals = "false")
public class VerifyTokenOnce implements BeanCreatedEventListener<ReactiveJsonWebTokenValidator<?, ?>> {

    private final VerifiedTokens verified;

    public VerifyTokenOnce(@Value("${dsr.security.token-cache.max-entries:10000}") int maxEntries,
                           @Value("${dsr.security.token-cache.max-age:10m}") Duration maxAge) {
        this.verified = new VerifiedTokens(maxEntries, maxAge, Clock.systemUTC());
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public ReactiveJsonWebTokenValidator<?, ?> onCreated(BeanCreatedEvent<ReactiveJsonWebTokenValidator<?, ?>> event) {
        return new Caching(event.getBean(), verified);
    }

    /** The cache this process uses, for tests and metrics. */
    public VerifiedTokens verifiedTokens() {
        return verified;
    }

    /** The validator with the cache in front; everything else is the wrapped validator's. */
    static final class Caching<T, R> implements ReactiveJsonWebTokenValidator<T, R> {
        private final ReactiveJsonWebTokenValidator<T, R> full;
        private final VerifiedTokens verified;

        Caching(ReactiveJsonWebTokenValidator<T, R> full, VerifiedTokens verified) {
            this.full = full;
            this.verified = verified;
        }

        @Override
        public Publisher<Authentication> validateToken(String token, R request) {
            return verified.find(token)
                    .<Publisher<Authentication>>map(Publishers::just)
                    .orElseGet(() -> Publishers.then(full.validateToken(token, request),
                            authentication -> verified.remember(token, authentication)));
        }

        @Override
        public Publisher<T> validate(String token, R request) {
            return full.validate(token, request);
        }

        @Override
        public int getOrder() {
            return full.getOrder();
        }
    }
}
