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
        String good = jwt("RS256", "good");
        String tampered = jwt("RS256", "tampered");
        var pinned = new VerifyTokenOnce.Pinned<Object, Object>(new FakeValidator(fullVerifications,
                token -> token.equals(good) ? Optional.of(accepted) : Optional.empty()), POLICY, tokens);

        assertThat(firstOf(pinned.validateToken(good, null)).orElseThrow()).isSameAs(accepted);
        assertThat(firstOf(pinned.validateToken(good, null)).orElseThrow()).isSameAs(accepted);
        assertThat(fullVerifications).hasValue(1);

        assertThat(firstOf(pinned.validateToken(tampered, null))).isEmpty();
        assertThat(firstOf(pinned.validateToken(tampered, null))).isEmpty();
        assertThat(fullVerifications).as("a refusal is never remembered").hasValue(3);

        clock.advance(Duration.ofSeconds(60));
        assertThat(firstOf(pinned.validateToken(good, null)).orElseThrow()).as("verified again once expired")
                .isSameAs(accepted);
        assertThat(fullVerifications).hasValue(4);
    }

    @Test
    void aTokenNotSignedWithThePinnedAlgorithmsIsRefusedBeforeVerificationAndNeverRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofMinutes(10), clock);
        AtomicInteger fullVerifications = new AtomicInteger();
        Authentication acceptsAnything = verifiedUntil(clock.instant().plusSeconds(60));
        var pinned = new VerifyTokenOnce.Pinned<Object, Object>(new FakeValidator(fullVerifications,
                token -> Optional.of(acceptsAnything)), POLICY, tokens);

        for (String token : List.of(jwt("none", "x"), jwt("HS256", "x"), jwt("HS512", "x"), jwt("RS384", "x"),
                unsigned(), "not-a-token", "a.b", "")) {
            assertThat(firstOf(pinned.validateToken(token, null))).as(token).isEmpty();
            assertThat(firstOf(pinned.validate(token, null))).as(token).isEmpty();
        }
        assertThat(fullVerifications).as("even a validator that would accept them never sees them").hasValue(0);
        assertThat(tokens.size()).isZero();

        assertThat(firstOf(pinned.validateToken(jwt("ES256", "x"), null))).isPresent();
        assertThat(firstOf(pinned.validateToken(jwt("RS256", "y"), null))).isPresent();
    }

    @Test
    void aTokenIsNotUsedFromTheCacheBeyondItsMaximumAgeNorRememberedWithoutIat() {
        VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofHours(24), Duration.ofHours(12), clock);
        Instant issued = clock.instant().minus(Duration.ofHours(11));
        tokens.remember("issued-11h-ago", Authentication.build("someone", List.of(),
                Map.of("exp", Date.from(clock.instant().plus(Duration.ofHours(8))), "iat", Date.from(issued))));
        tokens.remember("no-iat", verifiedUntil(clock.instant().plus(Duration.ofHours(1))));

        assertThat(tokens.find("no-iat")).isEmpty();
        clock.advance(Duration.ofMinutes(59));
        assertThat(tokens.find("issued-11h-ago")).isPresent();
        clock.advance(Duration.ofMinutes(1));
        assertThat(tokens.find("issued-11h-ago")).as("12 h after iat, whatever exp says").isEmpty();
    }

    private static final TokenPolicy POLICY = new TokenPolicy("dsr-test", Duration.ofSeconds(60), Duration.ofHours(12),
            List.of("RS256", "ES256"));

    /** A token-shaped string with this algorithm in its header (the fake validator does not check signatures). */
    private static String jwt(String alg, String subject) {
        return base64("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}") + "." + base64("{\"sub\":\"" + subject + "\"}")
                + "." + base64("signature");
    }

    private static String unsigned() {
        return base64("{\"alg\":\"none\"}") + "." + base64("{\"sub\":\"x\"}") + ".";
    }

    private static String base64(String text) {
        return java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The validators here answer synchronously, as the cache does. */
    @SuppressWarnings("unchecked")
    private static <T> Optional<T> firstOf(Publisher<T> publisher) {
        Object[] first = new Object[1];
        publisher.subscribe(new Subscriber<>() {
            @Override
            public void onSubscribe(Subscription subscription) {
                subscription.request(1);
            }

            @Override
            public void onNext(T item) {
                first[0] = item;
            }

            @Override
            public void onError(Throwable failure) {
                throw new AssertionError(failure);
            }

            @Override
            public void onComplete() {
            }
        });
        return Optional.ofNullable((T) first[0]);
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
