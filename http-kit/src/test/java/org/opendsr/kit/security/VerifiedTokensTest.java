package org.opendsr.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/** The cache of verified tokens keeps every check it saves: expiry, the exact token, refusals, its bound. */
class VerifiedTokensTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-04T10:00:00Z"));

    private Authentication verifiedUntil(Instant exp) {
        return Authentication.build("test-professional", List.of("PROFESSIONAL"), Map.of("exp", Date.from(exp)));
    }

    @Test
    void aVerifiedTokenIsFoundUntilItsExpiryAndNeverAfter() {
        VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofMinutes(10), clock);
        tokens.remember("header.claims.signature", verifiedUntil(clock.instant().plusSeconds(60)));

        clock.advance(Duration.ofSeconds(59));
        assertThat(tokens.find("header.claims.signature")).isPresent();

        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.find("header.claims.signature")).as("at exp").isEmpty();
        assertThat(tokens.size()).as("the expired entry is dropped").isZero();
    }

    @Test
    void aLongLivedTokenIsReverifiedAfterTheMaximumAge() {
        VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofMinutes(10), clock);
        tokens.remember("long-lived", verifiedUntil(clock.instant().plus(Duration.ofHours(8))));

        clock.advance(Duration.ofMinutes(10));

        assertThat(tokens.find("long-lived")).isEmpty();
    }

    @Test
    void aTokenAlreadyExpiredOrWithoutExpiryIsNotRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofMinutes(10), clock);
        tokens.remember("expired", verifiedUntil(clock.instant().minusSeconds(1)));
        tokens.remember("no-exp", Authentication.build("someone"));

        assertThat(tokens.find("expired")).isEmpty();
        assertThat(tokens.find("no-exp")).isEmpty();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void onlyTheExactTokenIsFoundNotOneThatDiffersInItsSignature() {
        VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofMinutes(10), clock);
        tokens.remember("header.claims.signature", verifiedUntil(clock.instant().plusSeconds(60)));

        assertThat(tokens.find("header.claims.signaturf")).isEmpty();
        assertThat(tokens.find("header.claims.")).isEmpty();
    }

    @Test
    void theNumberOfTokensHeldNeverExceedsTheBoundAndTheLeastRecentlyUsedGoFirst() {
        VerifiedTokens tokens = new VerifiedTokens(3, Duration.ofMinutes(10), clock);
        Instant exp = clock.instant().plusSeconds(60);
        tokens.remember("t1", verifiedUntil(exp));
        tokens.remember("t2", verifiedUntil(exp));
        tokens.remember("t3", verifiedUntil(exp));
        tokens.find("t1");
        for (int i = 4; i <= 1_000; i++) {
            tokens.remember("t" + i, verifiedUntil(exp));
            assertThat(tokens.size()).isLessThanOrEqualTo(3);
        }
        assertThat(tokens.find("t2")).isEmpty();
        assertThat(tokens.find("t1000")).isPresent();
    }

    @Test
    void theValidatorIsAskedOnceForAnAcceptedTokenAndEveryTimeForARefusedOne() {
        VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofMinutes(10), clock);
        AtomicInteger fullVerifications = new AtomicInteger();
        Authentication accepted = verifiedUntil(clock.instant().plusSeconds(60));
        var caching = new VerifyTokenOnce.Caching<Object, Object>(new FakeValidator(fullVerifications,
                token -> token.equals("good") ? Optional.of(accepted) : Optional.empty()), tokens);

        assertThat(firstOf(caching.validateToken("good", null)).orElseThrow()).isSameAs(accepted);
        assertThat(firstOf(caching.validateToken("good", null)).orElseThrow()).isSameAs(accepted);
        assertThat(fullVerifications).hasValue(1);

        assertThat(firstOf(caching.validateToken("tampered", null))).isEmpty();
        assertThat(firstOf(caching.validateToken("tampered", null))).isEmpty();
        assertThat(fullVerifications).as("a refusal is never remembered").hasValue(3);

        clock.advance(Duration.ofSeconds(60));
        assertThat(firstOf(caching.validateToken("good", null)).orElseThrow()).as("verified again once expired")
                .isSameAs(accepted);
        assertThat(fullVerifications).hasValue(4);
    }

    /** The validators here answer synchronously, as the cache does. */
    private static Optional<Authentication> firstOf(Publisher<Authentication> publisher) {
        Authentication[] first = new Authentication[1];
        publisher.subscribe(new Subscriber<>() {
            @Override
            public void onSubscribe(Subscription subscription) {
                subscription.request(1);
            }

            @Override
            public void onNext(Authentication authentication) {
                first[0] = authentication;
            }

            @Override
            public void onError(Throwable failure) {
                throw new AssertionError(failure);
            }

            @Override
            public void onComplete() {
            }
        });
        return Optional.ofNullable(first[0]);
    }

    private record FakeValidator(AtomicInteger calls,
                                 java.util.function.Function<String, Optional<Authentication>> verdict)
            implements ReactiveJsonWebTokenValidator<Object, Object> {

        @Override
        public Publisher<Authentication> validateToken(String token, Object request) {
            calls.incrementAndGet();
            return verdict.apply(token).<Publisher<Authentication>>map(Publishers::just).orElseGet(Publishers::empty);
        }

        @Override
        public Publisher<Object> validate(String token, Object request) {
            return Publishers.empty();
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
