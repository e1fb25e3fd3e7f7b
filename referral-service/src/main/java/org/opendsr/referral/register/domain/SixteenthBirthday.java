package org.opendsr.referral.register.domain;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;

/**
 * A person's 16th birthday, as the DSR announces it. The Mental Capacity Act 2005 applies from 16: before it nobody
 * can consent for a person by a best-interests decision or as a welfare deputy. consent-service never holds a date of
 * birth, and the {@code under16} of a referral is fixed at referral, so referral-service tells it when that stops being
 * true.
 *
 * <p>Only the month is told, never the day, and only once it has ended: the announcement is made on the first day of
 * the next month (its time is then, not the birthday), the first day on which anyone knowing only the month can be
 * sure the person is 16. A day would give the date of birth away to every service that reads the event. Sixteen years
 * after a 29 February is another 29 February (until 2100); the rule of {@link EighteenthBirthday} is kept for it.
 */
public final class SixteenthBirthday {

    private SixteenthBirthday() {
    }

    /** The day itself: known to referral-service only. */
    public static LocalDate of(LocalDate dateOfBirth) {
        LocalDate birthday = dateOfBirth.plusYears(16);
        if (dateOfBirth.getMonth() == Month.FEBRUARY && dateOfBirth.getDayOfMonth() == 29
                && birthday.getDayOfMonth() == 28) {
            return birthday.plusDays(1);
        }
        return birthday;
    }

    /** The month in which they turn 16: all that anyone outside referral-service is told. */
    public static YearMonth monthOf(LocalDate dateOfBirth) {
        return YearMonth.from(of(dateOfBirth));
    }

    /** The day it is announced: the first of the month after the birthday's, when they are certainly 16. */
    public static LocalDate announcedOn(LocalDate dateOfBirth) {
        return monthOf(dateOfBirth).plusMonths(1).atDay(1);
    }

    /**
     * The latest date of birth whose 16th birthday fell in a month before the month of {@code today}: the job looks at
     * people born up to this day (and after {@link #earliestDateOfBirthStillAChild}).
     */
    public static LocalDate latestDateOfBirthTurned16Before(LocalDate today) {
        return YearMonth.from(today).minusMonths(1).atEndOfMonth().minusYears(16);
    }

    /**
     * People born on or before this day are 18 or more today: an adult needs no announcement (consent-service treats
     * them as adults from the month in which they turn 18), so the job looks only at people born after it.
     */
    public static LocalDate earliestDateOfBirthStillAChild(LocalDate today) {
        return today.minusYears(18);
    }
}
