package org.opendsr.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Through an outage a record is retried at 1, 2, 4 ... seconds, never more than a minute apart, and never silently. */
class TransientRetriesTest {

    private static final ConsumerRecord<String, byte[]> RECORD = new ConsumerRecord<>("dsr.referral.events", 3, 17L, "k", new byte[0]);
    private static final TransientInfrastructureFailure OUTAGE = new TransientInfrastructureFailure("database unavailable", null);

    private final MutableClock clock = new MutableClock();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TransientRetries retries = new TransientRetries(
            new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60)), clock, meters);

    @Test
    void theWaitDoublesFromOneSecondAndStopsGrowingAtAMinute() {
        RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60));

        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.after(6)).isEqualTo(Duration.ofSeconds(32));
        assertThat(backoff.after(7)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.after(Integer.MAX_VALUE)).as("a days-long outage").isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aRecordIsNotTriedAgainUntilItsBackoffHasRunOut() {
        for (int failure = 1; failure <= 3; failure++) {
            retries.failed("consumer", RECORD, OUTAGE);
        }
        // Third failure in a row: 4 seconds.
        clock.advance(Duration.ofSeconds(3));
        assertThatThrownBy(() -> retries.throwIfWaiting("consumer", RECORD))
                .isExactlyInstanceOf(TransientInfrastructureFailure.class);
        clock.advance(Duration.ofSeconds(1));
        assertThatCode(() -> retries.throwIfWaiting("consumer", RECORD)).doesNotThrowAnyException();
    }

    @Test
    void aStalledPartitionShowsInTheMetricsUntilItsRecordIsSettled() {
        retries.failed("consumer", RECORD, OUTAGE);
        clock.advance(Duration.ofSeconds(1));
        retries.failed("consumer", RECORD, OUTAGE);
        clock.advance(Duration.ofSeconds(2));

        assertThat(meters.get("dsr.events.retry.stalled.seconds").gauge().value()).isEqualTo(3);
        assertThat(meters.get("dsr.events.retries").tag("topic", "dsr.referral.events").counter().count()).isEqualTo(2);

        retries.settled("consumer", RECORD);
        assertThat(meters.get("dsr.events.retry.stalled.seconds").gauge().value()).isZero();
        assertThatCode(() -> retries.throwIfWaiting("consumer", RECORD)).doesNotThrowAnyException();
    }

    @Test
    void theNextRecordOfThePartitionStartsAfresh() {
        retries.failed("consumer", RECORD, OUTAGE);
        ConsumerRecord<String, byte[]> next = new ConsumerRecord<>("dsr.referral.events", 3, 18L, "k", new byte[0]);

        assertThatCode(() -> retries.throwIfWaiting("consumer", next)).doesNotThrowAnyException();
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-25T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
