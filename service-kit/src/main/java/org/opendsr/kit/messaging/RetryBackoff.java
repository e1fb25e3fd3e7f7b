package org.opendsr.kit.messaging;

import java.time.Duration;

/**
 * How long a consumer waits before trying a record again while the database or broker is unavailable: doubling
 * from {@code initial} up to {@code max}, then every {@code max} for as long as the outage lasts. Short outages
 * (a failover, a restart) are over within seconds; a long one is not hammered every second.
 */
public record RetryBackoff(Duration initial, Duration max) {

    public RetryBackoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("the backoff starts above zero and its cap is not below its start");
        }
    }

    /** The wait after the given number of consecutive failures (1 for the first). */
    public Duration after(int failures) {
        Duration delay = initial;
        for (int i = 1; i < failures && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) < 0 ? delay : max;
    }
}
