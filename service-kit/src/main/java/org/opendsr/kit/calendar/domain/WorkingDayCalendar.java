package org.opendsr.kit.calendar.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Working days of the DSR team: Monday to Friday, except England and Wales bank holidays.
 */
public final class WorkingDayCalendar {

    private final BankHolidays bankHolidays;

    public WorkingDayCalendar(BankHolidays bankHolidays) {
        this.bankHolidays = bankHolidays;
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !bankHolidays.isBankHoliday(date);
    }

    /**
     * The n-th working day after a date, the date itself not counted whatever day it is: a referral received on
     * Monday is due for first contact 5 working days later, on the following Monday.
     */
    public LocalDate workingDaysAfter(LocalDate date, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("working days cannot be negative");
        }
        LocalDate day = date;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    public BankHolidays bankHolidays() {
        return bankHolidays;
    }
}
