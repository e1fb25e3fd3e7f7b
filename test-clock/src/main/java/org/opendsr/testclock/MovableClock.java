package org.opendsr.testclock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;
import org.opendsr.kit.time.DsrClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces the DSR clock in a test: real time plus an offset a test can move forward, so dates that drive the
 * rules (consent anniversaries, grace periods, 18th birthdays, contact deadlines) can be reached in seconds.
 * This module is only ever on a test classpath.
 */
@Singleton
@Replaces(factory = DsrClock.class, bean = Clock.class)
public class MovableClock extends Clock {

    private static final Logger LOG = LoggerFactory.getLogger(MovableClock.class);

    private final ZoneId zone;
    private final AtomicReference<Duration> offset;

    public MovableClock() {
        this(DsrClock.ENGLAND, new AtomicReference<>(Duration.ZERO));
        LOG.warn("TEST CLOCK: this service's time can be moved through /testing/clock; never deploy this module");
    }

    private MovableClock(ZoneId zone, AtomicReference<Duration> offset) {
        this.zone = zone;
        this.offset = offset;
    }

    /** Moves time forward (or back, with a negative duration) for every reader of this clock. */
    public Instant advance(Duration by) {
        offset.updateAndGet(current -> current.plus(by));
        return instant();
    }

    public Duration offset() {
        return offset.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId otherZone) {
        return new MovableClock(otherZone, offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }
}
