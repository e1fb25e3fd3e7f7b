package org.opendsr.kit.messaging;

import java.time.Duration;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * The one backoff through an outage of the database or broker ({@code dsr.events.retry.initial-delay},
 * {@code dsr.events.retry.max-delay}): the listeners' retries and the dead-letter office's reading share it, so that
 * the settings and their defaults are read in one place.
 */
@Factory
class RetryBackoffFactory {

    @Singleton
    RetryBackoff retryBackoff(@Value("${dsr.events.retry.initial-delay:1s}") Duration initialDelay,
                              @Value("${dsr.events.retry.max-delay:60s}") Duration maxDelay) {
        return new RetryBackoff(initialDelay, maxDelay);
    }
}
