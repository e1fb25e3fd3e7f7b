package org.opendsr.referral.retention.application;

import java.util.List;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.referral.audit.application.Actor;

/**
 * A retention run as the schedule and a lead start it: the audit trail's oldest entries first (in the kit's own
 * transaction, serialised with its sealer), then the records (ApplyingRetention, one transaction).
 */
@Singleton
public class RunningRetention {

    private final AuditTrailRetention auditTrail;
    private final ApplyingRetention applying;
    private final RetentionRuns runs;

    public RunningRetention(AuditTrailRetention auditTrail, ApplyingRetention applying, RetentionRuns runs) {
        this.auditTrail = auditTrail;
        this.applying = applying;
        this.runs = runs;
    }

    public RetentionRuns.Run run(Actor by) {
        long purged = auditTrail.purgeOlderThanItsPeriod();
        return applying.run(by.id(), purged);
    }

    @Transactional
    public List<RetentionRuns.Run> newest(int limit) {
        return runs.newest(limit);
    }
}
