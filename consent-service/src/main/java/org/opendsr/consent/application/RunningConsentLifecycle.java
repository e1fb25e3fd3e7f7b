package org.opendsr.consent.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.kit.lifecycle.ProcessingRestrictions;
import org.opendsr.kit.ports.Locks;
import org.opendsr.consent.domain.Consent;
import org.opendsr.consent.domain.ConsentChange;
import org.opendsr.consent.domain.ConsentRenewalPolicy;
import org.opendsr.consent.domain.ConsentState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily consent lifecycle run: moves every open consent to the state its dates give today (renewal due,
 * overdue, lapsed) and sends the reminders the schedule calls for, publishing one event for each, in one
 * transaction.
 *
 * <p>Safe to run twice and on two replicas at once: runs take turns on a PostgreSQL advisory lock, and each move
 * and reminder is made only from the state a consent is in, so a second run on the same day finds nothing to do.
 */
@Singleton
public class RunningConsentLifecycle {

    public static final String SCHEDULE = "schedule";

    private static final Logger LOG = LoggerFactory.getLogger(RunningConsentLifecycle.class);

    private final Consents consents;
    private final KnownPeople people;
    private final Reminders reminders;
    /** One lifecycle run at a time across all replicas; a second waits, then finds nothing left to do. */
    static final String LIFECYCLE_RUN_LOCK = "consent-lifecycle-run";

    private final LifecycleRuns runs;
    private final Locks locks;
    private final ConsentRenewalPolicy policy;
    private final ConsentEvents events;
    private final Clock clock;
    private final ProcessingRestrictions restrictions;

    public RunningConsentLifecycle(Consents consents, KnownPeople people, Reminders reminders, LifecycleRuns runs,
                                   Locks locks, ConsentRenewalPolicy policy, ConsentEvents events,
                                   Clock clock, ProcessingRestrictions restrictions) {
        this.restrictions = restrictions;
        this.consents = consents;
        this.people = people;
        this.reminders = reminders;
        this.runs = runs;
        this.locks = locks;
        this.policy = policy;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param runBy {@link #SCHEDULE}, or the user id of the DSR lead or admin who asked for it
     */
    @Transactional
    public LifecycleRunReport run(String runBy) {
        locks.lock(LIFECYCLE_RUN_LOCK);
        Instant startedAt = clock.instant();
        LocalDate today = LocalDate.now(clock);
        Set<UUID> notFollowed = people.notFollowed();
        Set<UUID> restricted = restrictions.restrictedPeople();
        List<LifecycleRunReport.Move> moves = new ArrayList<>();
        List<ConsentChange.ReminderDue> sent = new ArrayList<>();

        for (Consent consent : consents.allOpenForUpdate()) {
            ConsentState before = consent.state();
            Optional<ConsentChange> moved = consent.moveOn(today, policy);
            // Nobody is reminded to renew consent to a register they have left (moved away, stepped down, died) or
            // that declined their referral. Nor while processing of their data is restricted (UK GDPR Article 18): a
            // reminder only leads to a message to them, which is not essential to keeping the record. The consent
            // itself still follows its dates: whether the DSR may keep them on the register is not optional.
            Optional<ConsentChange.ReminderDue> reminder = notFollowed.contains(consent.personId())
                    || restricted.contains(consent.personId())
                    ? Optional.empty() : consent.remindIfDue(today, policy);
            if (moved.isEmpty() && reminder.isEmpty()) {
                continue;
            }
            consents.update(consent);
            moved.ifPresent(change -> {
                events.publish(change);
                moves.add(new LifecycleRunReport.Move(consent.id(), consent.personId(), before, consent.state()));
            });
            reminder.ifPresent(due -> {
                reminders.sent(due, clock.instant());
                events.publish(due);
                sent.add(due);
            });
        }

        LifecycleRunReport report = new LifecycleRunReport(UUID.randomUUID(), today, runBy, moves, sent);
        runs.record(report, startedAt, clock.instant());
        LOG.info("Consent lifecycle run {} for {} by {}: {} renewal due, {} overdue, {} lapsed, {} reminders",
                report.runId(), today, runBy, report.movedTo(ConsentState.RENEWAL_DUE),
                report.movedTo(ConsentState.OVERDUE), report.movedTo(ConsentState.LAPSED), sent.size());
        return report;
    }
}
