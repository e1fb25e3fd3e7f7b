package org.opendsr.meeting.series.application;

import java.time.Instant;

import jakarta.inject.Singleton;
import org.opendsr.kit.sweep.DueDateSweep;

/**
 * Part of the sweep (scheduled, and {@code POST /meetings/sweeps}): as the weeks go by, every active series' next
 * weeks of meetings are kept scheduled (a new meeting enters the window each interval). Idempotent and safe on
 * several replicas ({@link SchedulingSeriesMeetings}).
 */
@Singleton
class KeepingSeriesScheduled implements DueDateSweep {

    private final SchedulingSeriesMeetings scheduling;

    KeepingSeriesScheduled(SchedulingSeriesMeetings scheduling) {
        this.scheduling = scheduling;
    }

    @Override
    public String name() {
        return "tracking-meetings-scheduled";
    }

    @Override
    public int sweep(Instant now) {
        return scheduling.sweep();
    }
}
