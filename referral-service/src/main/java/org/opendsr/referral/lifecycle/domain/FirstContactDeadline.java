package org.opendsr.referral.lifecycle.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.opendsr.kit.calendar.domain.WorkingDayCalendar;

/**
 * The DSR team contacts a new referral within a number of working days of receiving it (5 by default). Working days
 * are Monday to Friday, 09:00 to 17:00 in England, bank holidays excepted: a referral that arrives after the working
 * day has ended, or on a weekend or bank holiday, is received on the next working day, and that day of receipt does
 * not count. The deadline is the last working day on which contact is in time.
 */
public record FirstContactDeadline(LocalDate receivedOn, LocalDate dueOn) {

    /** Dates in the DSR are dates in England. */
    public static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    /** When the DSR team's working day starts: a referral that arrives earlier is met when it starts, that day. */
    public static final LocalTime WORKING_DAY_STARTS = LocalTime.of(9, 0);

    /** When the DSR team's working day ends: a referral that arrives at or after it waits for the next one. */
    public static final LocalTime WORKING_DAY_ENDS = LocalTime.of(17, 0);

    /**
     * @param receivedAt when the referral arrived
     * @return the deadline; its {@code receivedOn} is the working day the referral counts as received on
     */
    public static FirstContactDeadline forReferralReceived(Instant receivedAt, int workingDays, WorkingDayCalendar calendar) {
        LocalDate receivedOn = workingDayOfReceipt(receivedAt, calendar);
        return new FirstContactDeadline(receivedOn, calendar.workingDaysAfter(receivedOn, workingDays));
    }

    /**
     * The working day a referral arriving at {@code receivedAt} counts as received on: that day, when it is a working
     * day and the referral arrives before {@link #WORKING_DAY_ENDS} (before {@link #WORKING_DAY_STARTS} it is waiting
     * when the day starts, so it has the whole day); otherwise the next working day, as nobody in the DSR team sees it
     * until then (DSR domain rules: Mon-Fri, 9-5, excluding England and Wales bank holidays).
     */
    public static LocalDate workingDayOfReceipt(Instant receivedAt, WorkingDayCalendar calendar) {
        ZonedDateTime inEngland = receivedAt.atZone(ENGLAND);
        LocalDate day = inEngland.toLocalDate();
        if (calendar.isWorkingDay(day) && inEngland.toLocalTime().isBefore(WORKING_DAY_ENDS)) {
            return day;
        }
        return calendar.workingDaysAfter(day, 1);
    }

    public boolean isMetBy(Instant contactedAt) {
        return !LocalDate.ofInstant(contactedAt, ENGLAND).isAfter(dueOn);
    }

    /** Overdue once the due date has passed without contact. */
    public static boolean isOverdue(LocalDate dueOn, LocalDate today) {
        return today.isAfter(dueOn);
    }
}
