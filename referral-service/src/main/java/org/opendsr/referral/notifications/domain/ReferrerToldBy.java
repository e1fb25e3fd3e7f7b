package org.opendsr.referral.notifications.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.opendsr.kit.calendar.domain.WorkingDayCalendar;

/**
 * The referrer hears a referral's outcome within 2 working days of the decision (Mon-Fri, 09:00-17:00 in England,
 * bank holidays excepted): a decision made after the working day ended, or on a weekend or bank holiday, counts from
 * the next working day, as a referral received then does. Late once that day has passed without them told.
 */
public record ReferrerToldBy(LocalDate decidedOn, LocalDate dueOn) {

    public static final int WORKING_DAYS = 2;
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    private static final LocalTime WORKING_DAY_ENDS = LocalTime.of(17, 0);

    public static ReferrerToldBy forDecisionAt(Instant decidedAt, WorkingDayCalendar calendar) {
        ZonedDateTime inEngland = decidedAt.atZone(ENGLAND);
        LocalDate day = inEngland.toLocalDate();
        LocalDate counted = calendar.isWorkingDay(day) && inEngland.toLocalTime().isBefore(WORKING_DAY_ENDS)
                ? day : calendar.workingDaysAfter(day, 1);
        return new ReferrerToldBy(day, calendar.workingDaysAfter(counted, WORKING_DAYS));
    }

    public static boolean isLate(LocalDate dueOn, LocalDate today) {
        return today.isAfter(dueOn);
    }
}
