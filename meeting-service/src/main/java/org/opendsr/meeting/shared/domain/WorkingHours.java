package org.opendsr.meeting.shared.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.opendsr.kit.calendar.domain.WorkingDayCalendar;

/**
 * The DSR's working hours: 09:00 to 17:00, Monday to Friday, England and Wales time, not on bank holidays. A Meeting
 * by Exception, which the person and their family attend, always falls within them (DOMAIN.md "Meetings").
 */
public final class WorkingHours {

    public static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    public static final LocalTime OPENS = LocalTime.of(9, 0);
    public static final LocalTime CLOSES = LocalTime.of(17, 0);

    private final WorkingDayCalendar calendar;

    public WorkingHours(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * Why a meeting from {@code startsAt} to {@code endsAt} is not within working hours, in words a person can act on
     * (naming the local time), or empty when it is.
     */
    public Optional<String> problemWith(Instant startsAt, Instant endsAt) {
        ZonedDateTime start = startsAt.atZone(ENGLAND);
        ZonedDateTime end = endsAt.atZone(ENGLAND);
        if (!end.isAfter(start)) {
            return Optional.of("must end after it starts");
        }
        if (!start.toLocalDate().equals(end.toLocalDate())) {
            return Optional.of("must start and end on the same day");
        }
        DayOfWeek day = start.getDayOfWeek();
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
            return Optional.of("falls on a " + (day == DayOfWeek.SATURDAY ? "Saturday" : "Sunday")
                    + ": meetings with the person and family are on working days, Monday to Friday");
        }
        if (!calendar.isWorkingDay(start.toLocalDate())) {
            return Optional.of("falls on a bank holiday (" + start.toLocalDate() + ")");
        }
        if (start.toLocalTime().isBefore(OPENS) || end.toLocalTime().isAfter(CLOSES)) {
            return Optional.of(start.toLocalTime() + "-" + end.toLocalTime()
                    + " (UK time) is outside working hours, 09:00 to 17:00");
        }
        return Optional.empty();
    }
}
