package org.opendsr.testclock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicReference;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.opendsr.kit.time.DsrClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces the DSR clock in a test: real time plus an offset a test can move forward, so dates that drive the
 * rules (consent anniversaries, grace periods, 18th birthdays, contact deadlines) can be reached in seconds.
 * This module is only ever on a test classpath, and even there replaces the clock only when
 * {@value ClockControl#PROPERTY} is {@code true}.
 */
@Singleton
@Replaces(factory = DsrClock.class, bean = Clock.class)
@Requires(property = ClockControl.PROPERTY, value = "true")
public class MovableClock extends Clock {

    private static final Logger LOG = LoggerFactory.getLogger(MovableClock.class);

    private final Clock realTime;
    private final ZoneId zone;
    private final AtomicReference<Duration> offset;

    public MovableClock() {
        this(Clock.systemUTC(), DsrClock.ENGLAND, new AtomicReference<>(Duration.ZERO));
        LOG.warn("TEST CLOCK: this service's time can be moved through /testing/clock; never deploy this module");
    }

    /** A test clock over another clock than real time: for testing this one. */
    static MovableClock over(Clock realTime) {
        return new MovableClock(realTime, DsrClock.ENGLAND, new AtomicReference<>(Duration.ZERO));
    }

    private MovableClock(Clock realTime, ZoneId zone, AtomicReference<Duration> offset) {
        this.realTime = realTime;
        this.zone = zone;
        this.offset = offset;
    }

    /** Moves time forward (or back, with a negative duration) by exactly that much elapsed time. */
    public Instant advance(Duration by) {
        offset.updateAndGet(current -> current.plus(by));
        return instant();
    }

    /**
     * Moves time forward (or back) by calendar days, months or years in England: to the same time of day on the
     * day the period leads to, however many hours the clocks changing makes that. A day is not always 24 hours,
     * and "30 days on" near midnight must not land on the 29th or 31st day.
     */
    public Instant advance(Period by) {
        offset.updateAndGet(current -> {
            Instant now = realTime.instant().plus(current);
            ZonedDateTime here = now.atZone(DsrClock.ENGLAND);
            // Same local time on the later day; in the hour the clocks skip, the hour after (ZonedDateTime's rule).
            Instant then = ZonedDateTime.of(here.toLocalDateTime().plus(by), DsrClock.ENGLAND).toInstant();
            return current.plus(Duration.between(now, then));
        });
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
        return new MovableClock(realTime, otherZone, offset);
    }

    @Override
    public Instant instant() {
        return realTime.instant().plus(offset.get());
    }
}
