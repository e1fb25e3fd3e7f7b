package org.opendsr.referral.register.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.referral.PersonTurned16;
import org.opendsr.kit.ports.EventOutbox;
import org.opendsr.referral.access.application.RecordAccess;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.audit.application.Actor;
import org.opendsr.referral.audit.application.AuditAction;
import org.opendsr.referral.register.domain.SixteenthBirthday;
import org.opendsr.referral.shared.application.Now;
import org.opendsr.referral.shared.application.RecordLocks;

/**
 * Tells consent-service (and anyone else) that a person known to the DSR turned 16 in a month now ended, without the
 * date of birth or the day ({@link SixteenthBirthday}): from now on the Mental Capacity Act 2005 applies to them. Run
 * daily with the turning-18 check; on the first of a month it announces everyone who turned 16 in the month before.
 *
 * <p>Everyone aged 16 or 17 without the milestone is announced, not only those referred before their 16th birthday:
 * referrals received before {@code under16} was added to {@code dsr.referral.received.v1} left a 14-17 band that
 * consent-service must take as possibly under 16, and the first run catches them up. It tells no more than their
 * turning-18 announcement will (the month of birth), only sooner. Safe with several replicas and when run twice, as
 * {@link NoticingEighteenthBirthdays} is.
 */
@Singleton
public class NoticingSixteenthBirthdays {

    /** What a run did. */
    @Serdeable
    public record Run(LocalDate checkedOn, boolean ranHere, int turned16) {
    }

    private final Milestones milestones;
    private final RecordLocks locks;
    private final EventOutbox outbox;
    private final RecordAccess access;
    private final Clock clock;

    public NoticingSixteenthBirthdays(Milestones milestones, RecordLocks locks, EventOutbox outbox, RecordAccess access,
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
        if (!locks.tryLock(NoticingEighteenthBirthdays.LOCK)) {
            return new Run(today, false, 0);
        }
        Instant now = Now.of(clock);
        int announced = 0;
        for (Milestones.Candidate candidate : milestones.knownWithoutMilestoneBornBetween(Milestones.TURNED_16,
                SixteenthBirthday.earliestDateOfBirthStillAChild(today),
                SixteenthBirthday.latestDateOfBirthTurned16Before(today))) {
            if (milestones.recordMilestone(candidate.personId(), Milestones.TURNED_16,
                    SixteenthBirthday.announcedOn(candidate.dateOfBirth()), now)) {
                // The outbox stamps the event with now: the day of the announcement, never the birthday.
                outbox.append("person", candidate.personId(), EventTypes.PERSON_TURNED_16_V1,
                        PersonTurned16.in(candidate.personId(), SixteenthBirthday.monthOf(candidate.dateOfBirth())));
                access.audit(candidate.personId(), Actor.REFERRAL_SERVICE, AuditAction.READ,
                        "date of birth: turned 16 last month or earlier", AccessPurpose.AGE_MILESTONE, now);
                announced++;
            }
        }
        return new Run(today, true, announced);
    }
}
