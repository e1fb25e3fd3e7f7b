package org.opendsr.consent.application;

import java.time.Instant;

/** The log of lifecycle runs (a port). */
public interface LifecycleRuns {

    void record(LifecycleRunReport report, Instant startedAt, Instant finishedAt);
}
