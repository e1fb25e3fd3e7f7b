package org.opendsr.gateway.routing;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * Per-caller limits at the edge ({@code dsr.gateway.rate-limits.*}): how many reads (GET and HEAD under /api) and
 * how many referral submissions (POST /api/referrals) one caller may make in a period. A caller is the token's
 * {@code sub}, or the client's address when anonymous. Token buckets (Bucket4j) refilled greedily, so a caller
 * who keeps under the rate is never refused and a burst up to the limit is allowed.
 *
 * <p>Why: reads and referrals are how someone who has a token would trawl the register (finding 2: one NHS number
 * after another). The limits are high for people (300 reads and 20 referrals a minute) and stop a script.
 *
 * <p>Buckets live in a bounded cache (Caffeine): one idle for a whole period is full again, so dropping it then
 * loses nothing; under a flood of distinct callers the least recently used go first and memory stays bounded.
 * Per gateway replica: with n replicas a caller may get up to n times the limit, which is fine for its purpose.
 */
@Singleton
public class RateLimits {

    /** What is being limited. */
    public enum Kind {
        READ("reads"),
        REFERRAL_SUBMISSION("referral submissions");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** Refused: the limit that was reached and how long until one more is allowed. */
    public record Refusal(Kind kind, long limit, Duration period, Duration retryAfter) {
    }

    private record Key(Kind kind, String caller) {
    }

    private final boolean enabled;
    private final long reads;
    private final long referralSubmissions;
    private final Duration period;
    private final Cache<Key, Bucket> buckets;

    public RateLimits(@Value("${dsr.gateway.rate-limits.enabled:true}") boolean enabled,
                      @Value("${dsr.gateway.rate-limits.reads:300}") long reads,
                      @Value("${dsr.gateway.rate-limits.referral-submissions:20}") long referralSubmissions,
                      @Value("${dsr.gateway.rate-limits.period:1m}") Duration period,
                      @Value("${dsr.gateway.rate-limits.max-callers:100000}") long maxCallers) {
        if (reads < 1 || referralSubmissions < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalStateException("dsr.gateway.rate-limits: reads and referral-submissions must be at least 1"
                    + " and the period positive");
        }
        this.enabled = enabled;
        this.reads = reads;
        this.referralSubmissions = referralSubmissions;
        this.period = period;
        this.buckets = Caffeine.newBuilder().maximumSize(maxCallers).expireAfterAccess(period).build();
    }

    /** Takes one from the caller's allowance of this kind, or says why not. */
    public Optional<Refusal> take(Kind kind, String caller) {
        if (!enabled) {
            return Optional.empty();
        }
        long limit = limitOf(kind);
        Bucket bucket = buckets.get(new Key(kind, caller), key -> Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit).refillGreedy(limit, period))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(kind, limit, period, Duration.ofNanos(probe.getNanosToWaitForRefill())));
    }

    private long limitOf(Kind kind) {
        return kind == Kind.READ ? reads : referralSubmissions;
    }
}
