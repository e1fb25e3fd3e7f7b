package org.opendsr.kit.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.opendsr.kit.observability.SafeThrowables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The capped exponential backoff of records retried through an outage. micronaut-kafka's own exponential strategy
 * has no cap (after a few hours of outage it would wait for days), so the listener retries on a short fixed tick
 * (see {@link DsrEventListener}) and this decides which ticks are real attempts: until a record's next attempt
 * is due, {@link #throwIfWaiting} refuses it again without touching the database.
 *
 * <p>Every real retry is logged at WARN and counted ({@code dsr_events_retries_total}); how long the most stalled
 * partition has been retrying is {@code dsr_events_retry_stalled_seconds}: alert on it, so that no partition ever
 * stalls silently.
 */
@Singleton
public class TransientRetries {

    private static final Logger LOG = LoggerFactory.getLogger(TransientRetries.class);
    private static final Duration EARLY_ENOUGH = Duration.ofMillis(250);

    private final RetryBackoff backoff;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<String, Retrying> byPartition = new ConcurrentHashMap<>();

    @Inject
    public TransientRetries(RetryBackoff backoff, MeterRegistry meters) {
        this(backoff, Clock.systemUTC(), meters);
    }

    TransientRetries(RetryBackoff backoff, Clock clock, MeterRegistry meters) {
        this.backoff = backoff;
        this.clock = clock;
        this.meters = meters;
        Gauge.builder("dsr.events.retry.stalled.seconds", this, TransientRetries::longestStallSeconds)
                .description("How long the longest-retrying partition has been waiting for the database or broker")
                .register(meters);
    }

    /** Refuses the record again, without an attempt, while its backoff has not run out. */
    public void throwIfWaiting(String consumer, ConsumerRecord<?, ?> record) {
        Retrying retrying = byPartition.get(key(consumer, record));
        // A little early counts as due: the framework's tick is not exact, and missing it by a millisecond would
        // cost a whole extra tick.
        if (retrying != null && retrying.offset() == record.offset()
                && clock.instant().plus(EARLY_ENOUGH).isBefore(retrying.nextAttempt())) {
            throw new TransientInfrastructureFailure("waiting " + backoff.after(retrying.failures())
                    + " before the next attempt", null);
        }
    }

    /** An attempt failed for want of the database or broker: the next one waits longer, up to the cap. */
    public void failed(String consumer, ConsumerRecord<?, ?> record, TransientInfrastructureFailure failure) {
        Instant now = clock.instant();
        Retrying retrying = byPartition.compute(key(consumer, record), (key, previous) -> {
            boolean same = previous != null && previous.offset() == record.offset();
            int failures = same ? previous.failures() + 1 : 1;
            return new Retrying(record.offset(), failures, same ? previous.since() : now,
                    now.plus(backoff.after(failures)));
        });
        meters.counter("dsr.events.retries", "consumer", consumer, "topic", record.topic()).increment();
        LOG.warn("{} will retry {}-{}@{} in {} (failure {} in a row, retrying for {}): {}", consumer, record.topic(),
                record.partition(), record.offset(), backoff.after(retrying.failures()), retrying.failures(),
                Duration.between(retrying.since(), now), SafeThrowables.summary(failure));
    }

    /** The record was settled (applied, skipped or dead-lettered): its partition is no longer retrying. */
    public void settled(String consumer, ConsumerRecord<?, ?> record) {
        Retrying retrying = byPartition.remove(key(consumer, record));
        if (retrying != null) {
            LOG.info("{} settled {}-{}@{} after {} failed attempt(s) over {}", consumer, record.topic(),
                    record.partition(), record.offset(), retrying.failures(),
                    Duration.between(retrying.since(), clock.instant()));
        }
    }

    long longestStallSeconds() {
        Instant now = clock.instant();
        // A partition handed to another replica mid-outage leaves its entry here; one not retried for well over
        // the cap is no longer ours, and must not keep the alert on.
        byPartition.values().removeIf(retrying -> retrying.nextAttempt().plus(backoff.max().multipliedBy(2)).isBefore(now));
        return byPartition.values().stream()
                .mapToLong(retrying -> Duration.between(retrying.since(), now).toSeconds())
                .max().orElse(0);
    }

    private static String key(String consumer, ConsumerRecord<?, ?> record) {
        return consumer + '/' + record.topic() + '/' + record.partition();
    }

    private record Retrying(long offset, int failures, Instant since, Instant nextAttempt) {
    }
}
