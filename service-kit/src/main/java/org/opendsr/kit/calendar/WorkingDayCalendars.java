package org.opendsr.kit.calendar;

import org.opendsr.kit.calendar.domain.WorkingDayCalendar;

/** The working-day calendar in use now: the shipped dates, updated by the last copy of GOV.UK's list stored. */
public interface WorkingDayCalendars {

    WorkingDayCalendar current();

    /** Takes up the stored copy if it changed since this replica last looked. */
    void reload();
}
