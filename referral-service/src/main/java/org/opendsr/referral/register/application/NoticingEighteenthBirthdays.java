package org.opendsr.referral.register.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.common.LifeStage;
import org.opendsr.contracts.referral.PersonTurned18;
import org.opendsr.kit.ports.EventOutbox;
import org.opendsr.referral.shared.application.RecordLocks;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.person.domain.AgeAtDate;
import org.opendsr.referral.register.domain.EighteenthBirthday;
import org.opendsr.referral.lifecycle.domain.FirstContactDeadline;
import org.opendsr.referral.audit.application.Actor;
import org.opendsr.referral.audit.application.AuditAction;
import org.opendsr.referral.shared.application.Now;
import org.opendsr.referral.access.application.RecordAccess;

/**
 * Tells consent-service (and anyone else) that a person known to the DSR turned 18, without the date of birth: consent
 * given for a child must be renewed. Run daily; safe with several replicas (one holds the lock, the others skip) and
 * when run twice (each announcement is recorded under a unique key); catches up birthdays of days it did not run.
 */
@Singleton
public class NoticingEighteenthBirthdays {

    static final String LOCK = "age-milestones";

    /** What a run did. */
    @Serdeable
    public record Run(LocalDate checkedOn, boolean ranHere, int turned18) {
    }

    private final Milestones milestones;
    private final RecordLocks locks;
    private final EventOutbox outbox;
    private final RecordAccess access;
    private final Clock clock;

    public NoticingEighteenthBirthdays(Milestones milestones, RecordLocks locks, EventOutbox outbox, RecordAccess access,
                                       Clock clock) {
        this.milestones = milestones;
        this.locks = locks;
        this.outbox = outbox;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public Run run() {
        LocalDate today = LocalDate.now(clock);
        if (!locks.tryLock(LOCK)) {
            return new Run(today, false, 0);
        }
        Instant now = Now.of(clock);
        int announced = 0;
        // Anyone whose 18th birthday fell in the last year (a day after 18 years for 29 February births).
        for (Milestones.Candidate candidate : milestones.withoutMilestoneBornBetween(Milestones.TURNED_18,
                today.minusYears(19), today.minusYears(18).plusDays(1))) {
            LocalDate firstRecordedOn = LocalDate.ofInstant(candidate.firstRecordedAt(), FirstContactDeadline.ENGLAND);
            if (!EighteenthBirthday.reachedWhileKnown(candidate.dateOfBirth(), firstRecordedOn, today)) {
                continue;
            }
            if (milestones.recordMilestone(candidate.personId(), Milestones.TURNED_18,
                    EighteenthBirthday.of(candidate.dateOfBirth()), now)) {
                AgeAtDate age = AgeAtDate.of(candidate.dateOfBirth(), today);
                outbox.append("person", candidate.personId(), EventTypes.PERSON_TURNED_18_V1,
                        new PersonTurned18(candidate.personId(), LifeStage.ADULT, age.band()));
                access.audit(candidate.personId(), Actor.REFERRAL_SERVICE, AuditAction.READ,
                        "date of birth: turned 18", AccessPurpose.AGE_MILESTONE, now);
                announced++;
            }
        }
        return new Run(today, true, announced);
    }
}
