package org.opendsr.referral.retention.adapters.scheduling;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.opendsr.kit.observability.SafeThrowables;
import org.opendsr.referral.audit.application.Actor;
import org.opendsr.referral.retention.application.RetentionRuns;
import org.opendsr.referral.retention.application.RunningRetention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the retention rules daily, at 01:15 in England unless configured otherwise ({@code dsr.retention.cron}). */
@Singleton
public class RetentionSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionSchedule.class);

    private final RunningRetention running;

    public RetentionSchedule(RunningRetention running) {
        this.running = running;
    }

    @Scheduled(cron = "${dsr.retention.cron:0 15 1 * * *}", zoneId = "Europe/London")
    void daily() {
        try {
            RetentionRuns.Run run = running.run(Actor.REFERRAL_SERVICE);
            if (run.ranHere()) {
                LOG.info("Retention: {} archived, {} brought back, {} erased, {} audit entries purged",
                        run.archived(), run.broughtBack(), run.erased(), run.auditEntriesPurged());
            } else {
                LOG.info("Retention: another replica is on it");
            }
        } catch (RuntimeException e) {
            // Tomorrow's run finds whatever today's left: the rule looks at every record each time.
            LOG.error("Retention run failed; the next run catches up", SafeThrowables.redacted(e));
        }
    }
}
