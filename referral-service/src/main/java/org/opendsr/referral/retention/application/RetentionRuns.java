package org.opendsr.referral.retention.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.micronaut.serde.annotation.Serdeable;

/** The record of each retention run: what it did, in counts. */
public interface RetentionRuns {

    /** One run. {@code ranHere} is false when another replica (or run) held the job: it did nothing. */
    @Serdeable
    record Run(UUID runId, Instant ranAt, String triggeredBy, boolean ranHere, int archived, int broughtBack,
               int erased, long auditEntriesPurged) {
    }

    void record(Run run);

    List<Run> newest(int limit);
}
