package org.opendsr.kit.time;

import java.time.Clock;
import java.time.ZoneId;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * The clock every DSR rule reads. Dates in the DSR (working days, month-end cuts, renewal dates, 18th birthdays)
 * are dates in England, so the zone is Europe/London. Injected, never read statically, so tests can move time.
 */
@Factory
public class DsrClock {

    public static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    @Singleton
    @Requires(missingBeans = Clock.class)
    Clock clock() {
        return Clock.system(ENGLAND);
    }
}
