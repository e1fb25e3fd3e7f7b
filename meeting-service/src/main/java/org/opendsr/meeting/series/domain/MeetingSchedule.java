package org.opendsr.meeting.series.domain;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.opendsr.kit.calendar.domain.WorkingDayCalendar;
import org.opendsr.meeting.shared.domain.WorkingHours;

/**
 * The days a series meets: every {@code intervalWeeks} weeks on its day, counted from the first meeting. A day that
 * is not a working day (an England and Wales bank holiday; the series' day is always a weekday) moves to the next
 * working day or is skipped, by the series' rule. Times are UK wall-clock: a 10:00 meeting is at 10:00 in GMT and in
 * BST alike, so its instant moves by an hour across a clock change.
 */
public final class MeetingSchedule {


    private final SeriesTerms terms;
    private final WorkingDayCalendar calendar;

    public MeetingSchedule(SeriesTerms terms, WorkingDayCalendar calendar) {
        this.terms = terms;
        this.calendar = calendar;
    }

    /** The meetings that take place from {@code from} to {@code to} (both days included), earliest first. */
    public List<PlannedMeeting> between(LocalDate from, LocalDate to) {
        List<PlannedMeeting> meetings = new ArrayList<>();
        // A planned day up to a fortnight before the window may have moved into it (Christmas to the New Year).
        for (LocalDate planned = firstPlannedOnOrAfter(from.minusWeeks(2)); !planned.isAfter(to);
             planned = planned.plusWeeks(terms.intervalWeeks())) {
            LocalDate on = dayFor(planned);
            if (on != null && !on.isBefore(from) && !on.isAfter(to)) {
                meetings.add(meetingOn(planned, on));
            }
        }
        return meetings;
    }

    /** Whether {@code day} is one of the series' own planned days (before any move off a bank holiday). */
    public boolean isPlannedDay(LocalDate day) {
        long weeks = ChronoUnit.DAYS.between(terms.firstMeetingOn(), day);
        return weeks >= 0 && weeks % (7L * terms.intervalWeeks()) == 0;
    }

    private LocalDate firstPlannedOnOrAfter(LocalDate day) {
        LocalDate first = terms.firstMeetingOn();
        if (!day.isAfter(first)) {
            return first;
        }
        long period = 7L * terms.intervalWeeks();
        long periods = (ChronoUnit.DAYS.between(first, day) + period - 1) / period;
        return first.plusDays(periods * period);
    }

    /** The day a planned meeting takes place, or null when the rule skips it. */
    private LocalDate dayFor(LocalDate planned) {
        if (calendar.isWorkingDay(planned)) {
            return planned;
        }
        return terms.bankHolidayRule() == BankHolidayRule.SKIP ? null : calendar.workingDaysAfter(planned, 1);
    }

    private PlannedMeeting meetingOn(LocalDate planned, LocalDate on) {
        ZonedDateTime start = ZonedDateTime.of(on, terms.startsAt(), WorkingHours.ENGLAND);
        return new PlannedMeeting(planned, on, start.toInstant(), start.plus(terms.duration()).toInstant());
    }
}
