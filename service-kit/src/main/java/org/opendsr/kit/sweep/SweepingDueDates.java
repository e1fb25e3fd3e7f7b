package org.opendsr.kit.sweep;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs every {@link DueDateSweep} of the service at one instant, each in its own transaction. */
@Singleton
public class SweepingDueDates {

    private static final Logger LOG = LoggerFactory.getLogger(SweepingDueDates.class);

    private final List<DueDateSweep> sweeps;
    private final Clock clock;

    public SweepingDueDates(List<DueDateSweep> sweeps, Clock clock) {
        this.sweeps = sweeps;
        this.clock = clock;
    }

    /** @return how many became overdue, per sweep */
    public Map<String, Integer> sweepNow() {
        Instant now = clock.instant();
        Map<String, Integer> overdue = new LinkedHashMap<>();
        for (DueDateSweep sweep : sweeps) {
            int count = sweep.sweep(now);
            overdue.put(sweep.name(), count);
            if (count > 0) {
                LOG.info("due-date sweep {}: {} became overdue", sweep.name(), count);
            }
        }
        return overdue;
    }
}
