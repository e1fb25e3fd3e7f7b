package org.opendsr.meeting.agenda.domain;

import java.time.LocalDate;
import java.util.function.Predicate;

/**
 * When an agenda is assembled: a number of working days before its meeting (2 by default), so that the people on it
 * can be prepared for. A meeting on Thursday with 2 working days has its cut-off on Tuesday; a bank holiday in
 * between moves the cut-off a day earlier.
 */
public record AgendaCutOff(int workingDays) {

    public AgendaCutOff {
        if (workingDays < 0) {
            throw new IllegalArgumentException("the cut-off is zero or more working days before the meeting");
        }
    }

    /** The day the agenda of a meeting on {@code meetingDay} is assembled. */
    public LocalDate dayFor(LocalDate meetingDay, Predicate<LocalDate> isWorkingDay) {
        LocalDate day = meetingDay;
        int counted = 0;
        while (counted < workingDays) {
            day = day.minusDays(1);
            if (isWorkingDay.test(day)) {
                counted++;
            }
        }
        return day;
    }

    /** Whether, on {@code today}, the agenda of a meeting on {@code meetingDay} is due to be assembled. */
    public boolean hasPassed(LocalDate meetingDay, LocalDate today, Predicate<LocalDate> isWorkingDay) {
        return !today.isBefore(dayFor(meetingDay, isWorkingDay));
    }
}
