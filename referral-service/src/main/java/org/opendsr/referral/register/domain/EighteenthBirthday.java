package org.opendsr.referral.register.domain;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import org.opendsr.referral.person.domain.AgeAtDate;

/**
 * A person's becoming an adult, as the DSR announces it. Consent given for a child (or by parental responsibility)
 * must be renewed when they turn 18, so referral-service tells consent-service, which never holds a date of birth.
 *
 * <p>Only the month is told, never the day: the announcement is made on the first day of the month in which they turn
 * 18 (its time is then, not the birthday), and consent must be renewed by the last day of that month. A day would
 * give the date of birth away to every service that reads the event. Someone born on 29 February turns 18 on
 * 1 March in a common year (as {@link AgeAtDate} counts it), so in March.
 */
public final class EighteenthBirthday {

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

    /** The day it is announced: the first of that month. */
    public static LocalDate announcedOn(LocalDate dateOfBirth) {
        return monthOf(dateOfBirth).atDay(1);
    }

    /**
     * True when the person's turning 18 is to be announced today: they were a child when first recorded (someone
     * referred as an adult gave consent as an adult), and the month in which they turn 18 has begun (a missed first
     * of the month is caught up later, on the day the job next runs).
     */
    public static boolean dueToBeAnnounced(LocalDate dateOfBirth, LocalDate firstRecordedOn, LocalDate today) {
        return of(dateOfBirth).isAfter(firstRecordedOn) && !announcedOn(dateOfBirth).isAfter(today);
    }

    /**
     * The latest date of birth whose 18th birthday falls in the month of {@code today} or earlier: the job looks at
     * people born up to this day.
     */
    public static LocalDate latestDateOfBirthTurning18By(LocalDate today) {
        // 29 February 18 years before a common year's February turns 18 on 1 March: after this day, as it should be.
        return YearMonth.from(today).atEndOfMonth().minusYears(18);
    }
}
