package org.opendsr.consent.adapters.scheduling;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.opendsr.consent.application.RunningConsentLifecycle;
import org.opendsr.kit.observability.SafeThrowables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the consent lifecycle every night, by default at 02:30 in England ({@code dsr.consent.lifecycle.cron},
 * seconds first). Every replica's schedule fires; the runs take turns, and the later ones find nothing to do.
 * A missed night is caught up by the next run, or at once by a DSR lead ({@code POST /consents/lifecycle-runs}).
 *
 * <p>02:30 because it happens exactly once every night: 01:00-01:59 does not exist on the night the clocks go
 * forward (last Sunday of March) and happens twice on the night they go back.
 */
@Singleton
@Requires(property = "dsr.consent.lifecycle.schedule-enabled", notEquals = "false")
public class DailyConsentLifecycle {

    public static final String DEFAULT_CRON = "0 30 2 * * ?";

    private static final Logger LOG = LoggerFactory.getLogger(DailyConsentLifecycle.class);

    private final RunningConsentLifecycle lifecycle;

    public DailyConsentLifecycle(RunningConsentLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Scheduled(cron = "${dsr.consent.lifecycle.cron:" + DEFAULT_CRON + "}", zoneId = "Europe/London")
    void runTonight() {
        try {
            lifecycle.run(RunningConsentLifecycle.SCHEDULE);
        } catch (RuntimeException e) {
            // The next night, or a DSR lead on demand, catches up: dates drive the states.
            LOG.error("The nightly consent lifecycle run failed; it will catch up at the next run",
                    SafeThrowables.redacted(e));
        }
    }
}
