package org.opendsr.referral.register.domain;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import org.opendsr.referral.person.domain.AgeAtDate;

/**
 * A person's becoming an adult, as the DSR announces it. Consent given for a child (or by parental responsibility)
 * must be renewed when they turn 18, so referral-service tells consent-service, which never holds a date of birth.
 *
 * <p>Only the month is told, never the day: consent must be renewed by the last day of the month in which they turn
 * 18, and the announcement is made on the first day of the month {@link #NOTICE_MONTHS} before it (its time is then,
 * never the birthday). A day would give the date of birth away to every service that reads the event. Someone born
 * on 29 February turns 18 on 1 March in a common year (as {@link AgeAtDate} counts it), so in March.
 */
public final class EighteenthBirthday {

    /**
     * How many months ahead of the month in which they turn 18 it is announced. DSR policy renews consent every year
     * and at 18 alike: consent-service opens the "due soon" window 30 days before the due date (the end of that month)
     * and reminds weekly from then, so the announcement must come before the window opens. Two months ahead leaves at
     * least 88 days before the due date (announced 1 February for April), room for a window of up to 88 days and
     * for consumer lag. Announcing earlier tells no more: the same month, never the day.
     */
    public static final int NOTICE_MONTHS = 2;

    private EighteenthBirthday() {
    }

    /** The day itself: known to referral-service only. */
    public static LocalDate of(LocalDate dateOfBirth) {
        LocalDate birthday = dateOfBirth.plusYears(18);
        if (dateOfBirth.getMonth() == Month.FEBRUARY && dateOfBirth.getDayOfMonth() == 29
                && birthday.getDayOfMonth() == 28) {
            return birthday.plusDays(1);
        }
        return birthday;
    }

    /** The month in which they turn 18: all that anyone outside referral-service is told. */
    public static YearMonth monthOf(LocalDate dateOfBirth) {
        return YearMonth.from(of(dateOfBirth));
    }

    /** The day it is announced: the first of the month {@link #NOTICE_MONTHS} before that month. */
    public static LocalDate announcedOn(LocalDate dateOfBirth) {
        return monthOf(dateOfBirth).minusMonths(NOTICE_MONTHS).atDay(1);
    }

    /**
     * True when the person's turning 18 is to be announced today: they were a child when first recorded (someone
     * referred as an adult gave consent as an adult), and the day to announce it has come (a missed first of the month
     * is caught up later, on the day the job next runs, as is someone who becomes known to the other services later).
     */
    public static boolean dueToBeAnnounced(LocalDate dateOfBirth, LocalDate firstRecordedOn, LocalDate today) {
        return of(dateOfBirth).isAfter(firstRecordedOn) && !announcedOn(dateOfBirth).isAfter(today);
    }

    /**
     * The latest date of birth whose 18th birthday is due to be announced by {@code today}: one falling in the month
     * {@link #NOTICE_MONTHS} after today's or earlier. The job looks at people born up to this day.
     */
    public static LocalDate latestDateOfBirthTurning18By(LocalDate today) {
        // 29 February 18 years before a common year's February turns 18 on 1 March: after this day, as it should be.
        return YearMonth.from(today).plusMonths(NOTICE_MONTHS).atEndOfMonth().minusYears(18);
    }
}
