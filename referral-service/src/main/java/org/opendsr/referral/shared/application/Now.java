package org.opendsr.referral.shared.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The moment to record, from the DSR clock, to the microsecond PostgreSQL keeps: what the API returns, what is stored
 * and what is published then agree to the last digit.
 */
public final class Now {

    private Now() {
    }

    public static Instant of(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
