package org.opendsr.referral.register.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.referral.PersonTurning18;
import org.opendsr.kit.ports.EventOutbox;
import org.opendsr.referral.shared.application.RecordLocks;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.register.domain.EighteenthBirthday;
import org.opendsr.referral.lifecycle.domain.FirstContactDeadline;
import org.opendsr.referral.audit.application.Actor;
import org.opendsr.referral.audit.application.AuditAction;
import org.opendsr.referral.shared.application.Now;
import org.opendsr.referral.access.application.RecordAccess;

/**
 * Tells consent-service (and anyone else) that a person known to the DSR turns 18 in a month, without the date of birth
 * or the day: consent given for a child must be renewed by the end of that month ({@link EighteenthBirthday}). Run
 * daily; on the first of a month it announces everyone turning 18 in the month {@link EighteenthBirthday#NOTICE_MONTHS}
 * on, early enough for consent-service to give renewal at 18 the "due soon" window and reminders of yearly renewal.
 * Only people the other services know are announced (a referral of theirs was announced, on the same key and so
 * before this): a self or family referral never completed makes nobody else know them, and an announcement would only
 * be dead-lettered. Safe with several replicas (one holds the lock, the others skip) and when run twice (each
 * announcement is recorded under a unique key); catches up a first of the month it did not run on, someone recorded
 * late, and someone whose referral is completed later.
 */
@Singleton
public class NoticingEighteenthBirthdays {

    static final String LOCK = "age-milestones";

    /** What a run did. */
    @Serdeable
    public record Run(LocalDate checkedOn, boolean ranHere, int turning18) {
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
        // Anyone known turning 18 within the notice, or whose 18th birthday fell in the last year and was not announced.
        for (Milestones.Candidate candidate : milestones.knownWithoutMilestoneBornBetween(Milestones.TURNED_18,
                today.minusYears(19), EighteenthBirthday.latestDateOfBirthTurning18By(today))) {
            LocalDate firstRecordedOn = LocalDate.ofInstant(candidate.firstRecordedAt(), FirstContactDeadline.ENGLAND);
            if (!EighteenthBirthday.dueToBeAnnounced(candidate.dateOfBirth(), firstRecordedOn, today)) {
                continue;
            }
            // Recorded under the key announcements of the old, day-precise event used, so nobody is announced twice.
            if (milestones.recordMilestone(candidate.personId(), Milestones.TURNED_18,
                    EighteenthBirthday.announcedOn(candidate.dateOfBirth()), now)) {
                // The outbox stamps the event with now: the day of the announcement, never the birthday.
                outbox.append("person", candidate.personId(), EventTypes.PERSON_TURNING_18_V1,
                        PersonTurning18.in(candidate.personId(), EighteenthBirthday.monthOf(candidate.dateOfBirth())));
                access.audit(candidate.personId(), Actor.REFERRAL_SERVICE, AuditAction.READ,
                        "date of birth: turning 18 (the month announced)", AccessPurpose.AGE_MILESTONE, now);
                announced++;
            }
        }
        return new Run(today, true, announced);
    }
}
