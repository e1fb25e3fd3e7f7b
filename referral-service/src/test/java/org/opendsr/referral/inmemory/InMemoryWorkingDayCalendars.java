package org.opendsr.referral.inmemory;

import org.opendsr.kit.calendar.WorkingDayCalendars;
import org.opendsr.kit.calendar.domain.BankHolidays;
import org.opendsr.kit.calendar.domain.WorkingDayCalendar;

/** England's statutory bank holidays only: enough for deadlines in a use-case test. */
public class InMemoryWorkingDayCalendars implements WorkingDayCalendars {

    private final WorkingDayCalendar calendar = new WorkingDayCalendar(BankHolidays.statutoryOnly());

    @Override
    public WorkingDayCalendar current() {
        return calendar;
    }

    @Override
    public void reload() {
    }
}
