package org.opendsr.referral.retention.application;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.referral.access.application.RecordAccess;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.audit.application.Actor;
import org.opendsr.referral.audit.application.AuditAction;
import org.opendsr.referral.retention.domain.RetentionFacts;
import org.opendsr.referral.retention.domain.RetentionRule;
import org.opendsr.referral.shared.application.Now;
import org.opendsr.referral.shared.application.RecordLocks;

/**
 * One run of the retention rules over every record (daily, or when a lead asks): archives, brings back and erases as
 * {@link RetentionRule} says, in one transaction, and records what it did. Safe with several replicas (one holds the
 * job's lock, the others do nothing and say so) and when run twice (an archived record is not archived again, an
 * erased one is gone). At most {@code dsr.retention.max-per-run} records a run; the next run continues.
 */
@Singleton
public class ApplyingRetention {

    static final String LOCK = "retention";

    private final PeopleInRetention people;
    private final ErasingPeople erasing;
    private final RetentionRuns runs;
    private final RecordLocks locks;
    private final RecordAccess access;
    private final RetentionRule rule;
    private final int maxPerRun;
    private final Clock clock;

    public ApplyingRetention(PeopleInRetention people, ErasingPeople erasing, RetentionRuns runs, RecordLocks locks,
                             RecordAccess access, RetentionSettings settings, Clock clock) {
        this.people = people;
        this.erasing = erasing;
        this.runs = runs;
        this.locks = locks;
        this.access = access;
        this.rule = new RetentionRule(settings.periods());
        this.maxPerRun = settings.getMaxPerRun();
        this.clock = clock;
    }

    @Transactional
    public RetentionRuns.Run run(String triggeredBy, long auditEntriesPurged) {
        Instant now = Now.of(clock);
        if (!locks.tryLock(LOCK)) {
            return new RetentionRuns.Run(UUID.randomUUID(), now, triggeredBy, false, 0, 0, 0, auditEntriesPurged);
        }
        int archived = 0;
        int broughtBack = 0;
        int erased = 0;
        for (RetentionFacts facts : people.candidates(rule.archiveCandidatesEndedBefore(now),
                rule.eraseCandidatesEndedBefore(now), maxPerRun)) {
            switch (rule.stepFor(facts, now)) {
                case ARCHIVE -> {
                    people.archive(facts.personId(), now);
                    access.audit(facts.personId(), Actor.REFERRAL_SERVICE, AuditAction.ARCHIVED, "record archived",
                            AccessPurpose.RETENTION, now);
                    archived++;
                }
                case BRING_BACK -> {
                    people.bringBack(facts.personId());
                    access.audit(facts.personId(), Actor.REFERRAL_SERVICE, AuditAction.CHANGED,
                            "record back from the archive", AccessPurpose.RETENTION, now);
                    broughtBack++;
                }
                case ERASE -> {
                    erasing.atEndOfRetention(facts.personId(), now);
                    erased++;
                }
                case KEEP -> {
                    // Nothing due yet.
                }
            }
        }
        RetentionRuns.Run run = new RetentionRuns.Run(UUID.randomUUID(), now, triggeredBy, true, archived,
                broughtBack, erased, auditEntriesPurged);
        runs.record(run);
        return run;
    }
}
